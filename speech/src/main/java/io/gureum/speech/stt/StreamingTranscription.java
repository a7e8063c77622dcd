package io.gureum.speech.stt;

import io.gureum.core.Problem;
import io.gureum.speech.audio.Audio;
import io.gureum.speech.vad.VadOptions;
import io.gureum.speech.vad.VoiceActivityDetector;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Live transcription of a stream of 16 kHz audio: the voice activity detector follows the stream window by window;
 * while someone speaks, the utterance so far is decoded about once a second for a partial result, and when they
 * pause, the whole utterance is decoded for its final result. Decoding runs on the session's own thread, in order,
 * so partial results always come before their final one and the caller's thread only ever runs the detector.
 * Not thread-safe: one caller feeds it.
 */
public final class StreamingTranscription implements AutoCloseable {
    /** Results as they come; called from the session's decoding thread. */
    public interface Listener {
        /** What has been heard so far of the utterance that started at {@code start} seconds. */
        void partial(double start, String text);

        /** An utterance, ended by a pause (or the end of the stream), decoded in full. */
        void result(Transcription.Segment segment);

        /** Decoding failed (e.g. the engine's model is not installed); the session stops. */
        void failed(RuntimeException error);
    }

    private static final int RATE = Audio.SPEECH_RATE;
    private static final int WINDOW = VoiceActivityDetector.WINDOW;
    /** How much new speech between two partial results. */
    private static final int PARTIAL_EVERY = RATE;

    private final SpeechRecognizer engine;
    private final String language;
    private final VoiceActivityDetector.Stream vad;
    private final VadOptions options = VadOptions.TRANSCRIPTION;
    private final Listener listener;
    private final ExecutorService decoding;

    private final float[] window = new float[WINDOW];
    private int windowFill;
    private long samplesSeen;
    /** The last few windows before speech starts: the onset the detector needed to hear to be sure. */
    private final float[] preRoll;
    private int preRollFill;

    private float[] utterance = new float[RATE * 4];
    private int utteranceLength = -1; // -1: not in speech
    private long utteranceStart;
    private int silentSamples;
    private int lastPartialAt;
    private volatile boolean partialInFlight;
    private volatile boolean failed;
    private int nextSegmentId;

    public StreamingTranscription(Transcriber transcriber, TranscriptionOptions options, Listener listener) {
        this.engine = transcriber.engineFor(options);
        this.language = options.language();
        this.vad = transcriber.vad().stream();
        this.listener = listener;
        this.preRoll = new float[this.options.padMs() * RATE / 1000 / WINDOW * WINDOW + WINDOW];
        this.decoding = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "speech-stream");
            t.setDaemon(true);
            return t;
        });
    }

    /** Seconds of audio received so far. */
    public double seconds() {
        return (samplesSeen + windowFill) / (double) RATE;
    }

    /** Feeds the next samples of the stream (16 kHz mono, -1..1). */
    public void accept(float[] samples, int count) {
        for (int i = 0; i < count; ) {
            int n = Math.min(WINDOW - windowFill, count - i);
            System.arraycopy(samples, i, window, windowFill, n);
            windowFill += n;
            i += n;
            if (windowFill == WINDOW) {
                onWindow(vad.next(window, 0));
                samplesSeen += WINDOW;
                windowFill = 0;
            }
        }
    }

    private void onWindow(float speech) {
        if (failed) return;
        if (utteranceLength < 0) {
            if (speech >= options.threshold()) {
                utteranceStart = samplesSeen - preRollFill;
                utteranceLength = 0;
                append(preRoll, preRollFill);
                append(window, WINDOW);
                silentSamples = 0;
                lastPartialAt = 0;
                preRollFill = 0;
            } else {
                keepInPreRoll();
            }
            return;
        }
        append(window, WINDOW);
        if (speech >= options.threshold()) {
            silentSamples = 0;
        } else if (speech < options.threshold() - 0.15 || silentSamples > 0) {
            silentSamples += WINDOW;
        }
        int minSilence = options.minSilenceMs() * RATE / 1000;
        if (silentSamples >= minSilence || utteranceLength >= options.maxSpeechSeconds() * RATE) {
            // Keep a little of the pause so the last word's ending is not clipped.
            int end = Math.min(utteranceLength, utteranceLength - silentSamples + options.padMs() * RATE / 1000);
            endUtterance(end);
        } else if (utteranceLength - lastPartialAt >= PARTIAL_EVERY && !partialInFlight) {
            lastPartialAt = utteranceLength;
            float[] soFar = Arrays.copyOf(utterance, utteranceLength);
            double start = utteranceStart / (double) RATE;
            partialInFlight = true;
            decoding.execute(() -> {
                try {
                    if (!failed) listener.partial(round(start), engine.transcribe(new Audio(soFar, RATE), language).text());
                } catch (RuntimeException e) {
                    fail(e);
                } finally {
                    partialInFlight = false;
                }
            });
        }
    }

    private void endUtterance(int length) {
        float[] speech = Arrays.copyOf(utterance, length);
        double start = utteranceStart / (double) RATE;
        utteranceLength = -1;
        silentSamples = 0;
        int id = nextSegmentId++;
        decoding.execute(() -> {
            if (failed) return;
            try {
                Transcript t = engine.transcribe(new Audio(speech, RATE), language);
                listener.result(new Transcription.Segment(id, round(start), round(start + speech.length / (double) RATE), t.text(),
                        t.words().stream().map(w -> new Transcript.Word(w.text(), round(w.start() + start), round(w.end() + start),
                                w.confidence())).toList()));
            } catch (RuntimeException e) {
                fail(e);
            }
        });
    }

    private void fail(RuntimeException e) {
        if (!failed) {
            failed = true;
            listener.failed(e);
        }
    }

    private void append(float[] from, int count) {
        if (utteranceLength + count > utterance.length) utterance = Arrays.copyOf(utterance, Math.max(utterance.length * 2, utteranceLength + count));
        System.arraycopy(from, 0, utterance, utteranceLength, count);
        utteranceLength += count;
    }

    private void keepInPreRoll() {
        if (preRollFill + WINDOW > preRoll.length) {
            System.arraycopy(preRoll, WINDOW, preRoll, 0, preRollFill - WINDOW);
            preRollFill -= WINDOW;
        }
        System.arraycopy(window, 0, preRoll, preRollFill, WINDOW);
        preRollFill += WINDOW;
    }

    /**
     * Ends the stream: the utterance in progress (with any last part-window) is decoded, and this returns once every
     * result has been given to the listener, or after {@code timeoutSeconds}.
     */
    public void finish(long timeoutSeconds) {
        if (utteranceLength >= 0) {
            append(window, windowFill);
            windowFill = 0;
            if (utteranceLength >= options.minSpeechMs() * RATE / 1000) endUtterance(utteranceLength);
            else utteranceLength = -1;
        }
        decoding.shutdown();
        try {
            decoding.awaitTermination(timeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /** Stops at once: results not yet given are dropped (the client went away). */
    @Override
    public void close() {
        failed = true;
        decoding.shutdownNow();
    }
}
