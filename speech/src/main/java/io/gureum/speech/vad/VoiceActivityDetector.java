package io.gureum.speech.vad;

import io.gureum.runtime.models.InstalledModel;
import io.gureum.runtime.onnx.OnnxModel;
import io.gureum.runtime.onnx.OnnxModel.Input;
import io.gureum.speech.audio.Audio;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Silero VAD v5 on ONNX Runtime: the probability that each 32 ms window of 16 kHz audio is speech, and the
 * speech segments those probabilities make. The model is recurrent: each window also reads the 64 samples
 * before it and the state the previous window left, so a {@link Stream} carries both; the session itself is
 * shared and thread-safe.
 */
public final class VoiceActivityDetector implements AutoCloseable {
    /** Samples per window at 16 kHz (the model's fixed size: 32 ms). */
    public static final int WINDOW = 512;
    private static final int CONTEXT = 64;
    private static final long[] STATE_SHAPE = {2, 1, 128};
    private static final int STATE_SIZE = 2 * 128;

    private final OnnxModel model;
    private final String modelRef;

    public VoiceActivityDetector(InstalledModel installed) {
        // One intra-op thread: a window is tiny, and transcription runs several streams on the cores at once.
        this.model = OnnxModel.load(installed.file("silero_vad.onnx"), OnnxModel.Options.defaults().withIntraOpThreads(1));
        this.modelRef = installed.card().id() + "@" + installed.card().version();
    }

    /** The model pack's task in the catalog. */
    public static final String TASK = "speech-vad";

    /**
     * The store's detector, loaded on first use and kept; until the pack is installed each call throws the store's
     * 503 problem with the install command (and a later call loads it once it is there).
     */
    public static java.util.function.Supplier<VoiceActivityDetector> fromStore(io.gureum.runtime.models.ModelStore store) {
        return new java.util.function.Supplier<>() {
            private volatile VoiceActivityDetector loaded;

            @Override
            public synchronized VoiceActivityDetector get() {
                if (loaded == null) loaded = new VoiceActivityDetector(store.resolve(TASK, java.util.Optional.empty()));
                return loaded;
            }
        };
    }

    /** {@code id@version} of the model, for responses. */
    public String model() {
        return modelRef;
    }

    /** A fresh recurrent state for one audio stream (not thread-safe; one per stream). */
    public Stream stream() {
        return new Stream();
    }

    /** Speech probability of every whole window of {@code audio} (16 kHz). */
    public float[] probabilities(Audio audio) {
        requireSpeechRate(audio);
        float[] samples = audio.samples();
        float[] probs = new float[samples.length / WINDOW];
        Stream stream = stream();
        for (int w = 0; w < probs.length; w++) probs[w] = stream.next(samples, w * WINDOW);
        return probs;
    }

    /** The speech segments of {@code audio} (16 kHz), in order, not overlapping. */
    public List<SpeechSegment> segments(Audio audio, VadOptions options) {
        return segments(probabilities(audio), audio.samples().length, options);
    }

    /**
     * Turns window probabilities into segments: hysteresis between {@code threshold} and 0.15 below it, pauses of
     * at least {@code minSilenceMs} end a segment, bursts under {@code minSpeechMs} are dropped, and a segment
     * over {@code maxSpeechSeconds} is cut at its least speech-like window.
     */
    static List<SpeechSegment> segments(float[] probs, int totalSamples, VadOptions options) {
        int minSpeech = options.minSpeechMs() * 16;
        int minSilence = options.minSilenceMs() * 16;
        int maxSpeech = (int) (options.maxSpeechSeconds() * 16_000);
        List<SpeechSegment> raw = new ArrayList<>();
        int start = -1;
        int silenceStart = -1;
        int cutAt = -1;
        float cutProb = Float.MAX_VALUE;
        for (int w = 0; w < probs.length; w++) {
            int pos = w * WINDOW;
            float p = probs[w];
            if (start < 0) {
                if (p >= options.threshold()) {
                    start = pos;
                    silenceStart = -1;
                    cutAt = -1;
                    cutProb = Float.MAX_VALUE;
                }
                continue;
            }
            if (p >= options.threshold()) {
                silenceStart = -1;
            } else if (p < options.endThreshold()) {
                if (silenceStart < 0) silenceStart = pos;
                if (pos + WINDOW - silenceStart >= minSilence) {
                    if (silenceStart - start >= minSpeech) raw.add(new SpeechSegment(start, silenceStart));
                    start = -1;
                    continue;
                }
            }
            // Remember the quietest moment past the first second: where an over-long segment is cut.
            if (pos - start >= 16_000 && p < cutProb) {
                cutProb = p;
                cutAt = pos;
            }
            if (pos + WINDOW - start >= maxSpeech) {
                int end = cutAt > start ? cutAt : pos + WINDOW;
                raw.add(new SpeechSegment(start, end));
                start = end;
                silenceStart = -1;
                cutAt = -1;
                cutProb = Float.MAX_VALUE;
            }
        }
        if (start >= 0 && totalSamples - start >= minSpeech) raw.add(new SpeechSegment(start, totalSamples));
        return padded(raw, options.padMs() * 16, totalSamples);
    }

    /** Widens each segment by {@code pad} on both sides without running into its neighbours or past the audio. */
    private static List<SpeechSegment> padded(List<SpeechSegment> raw, int pad, int totalSamples) {
        List<SpeechSegment> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            SpeechSegment s = raw.get(i);
            int prevEnd = i == 0 ? 0 : raw.get(i - 1).end();
            int nextStart = i == raw.size() - 1 ? totalSamples : raw.get(i + 1).start();
            int from = Math.max(s.start() - pad, i == 0 ? 0 : (prevEnd + s.start()) / 2);
            int to = Math.min(s.end() + pad, i == raw.size() - 1 ? totalSamples : (s.end() + nextStart) / 2);
            out.add(new SpeechSegment(Math.max(0, from), Math.min(totalSamples, to)));
        }
        return out;
    }

    private static void requireSpeechRate(Audio audio) {
        if (audio.sampleRate() != Audio.SPEECH_RATE) {
            throw new IllegalArgumentException("the detector reads 16 kHz audio; resample first (got " + audio.sampleRate() + " Hz)");
        }
    }

    @Override
    public void close() {
        model.close();
    }

    /** The recurrent state of one audio stream: feed it consecutive windows. */
    public final class Stream {
        private static final long[] SR = {Audio.SPEECH_RATE};
        private float[] state = new float[STATE_SIZE];
        private final float[] input = new float[CONTEXT + WINDOW];

        /** Speech probability of the window {@code samples[offset .. offset+512)}, which follows the previous one. */
        public float next(float[] samples, int offset) {
            System.arraycopy(samples, offset, input, CONTEXT, WINDOW);
            OnnxModel.Outputs out = model.run(Map.of(
                    "input", Input.floats(input, 1, CONTEXT + WINDOW),
                    "state", Input.floats(state, STATE_SHAPE),
                    "sr", Input.longs(SR)));
            state = out.floats("stateN");
            // The next window's context is the end of this one.
            System.arraycopy(input, WINDOW, input, 0, CONTEXT);
            return out.floats("output")[0];
        }

        /** Forgets everything heard: the next window starts a new stream. */
        public void reset() {
            Arrays.fill(state, 0);
            Arrays.fill(input, 0);
        }
    }
}
