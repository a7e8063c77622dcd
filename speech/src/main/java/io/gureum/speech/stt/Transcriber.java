package io.gureum.speech.stt;

import io.gureum.core.Problem;
import io.gureum.speech.audio.Audio;
import io.gureum.speech.audio.Resampler;
import io.gureum.speech.vad.SpeechSegment;
import io.gureum.speech.vad.VadOptions;
import io.gureum.speech.vad.VoiceActivityDetector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Speech-to-text for whole recordings, around any {@link SpeechRecognizer}: resamples to 16 kHz, finds the speech
 * with the voice activity detector, drops the silence, decodes the segments in parallel on the cores, and puts
 * the segments back in order with times from the start of the recording.
 */
public final class Transcriber implements AutoCloseable {
    /** Told how far a transcription has got, and asked whether to go on. */
    public interface Progress {
        Progress NONE = new Progress() {};

        /** @param done share of the speech decoded, 0..1 */
        default void update(double done) {}

        default boolean canceled() {
            return false;
        }
    }

    private final Map<String, SpeechRecognizer> engines;
    private final Supplier<VoiceActivityDetector> vad;
    private final ExecutorService decoders;
    private final int parallelism;

    /**
     * @param engines     by name; the first is the default
     * @param vad         the detector, loaded on first use (its supplier throws the store's 503 when it is absent)
     * @param parallelism segments decoded at once: the number of cores, as each decode keeps one busy
     */
    public Transcriber(List<SpeechRecognizer> engines, Supplier<VoiceActivityDetector> vad, int parallelism) {
        if (engines.isEmpty()) throw new IllegalArgumentException("no speech engines");
        this.engines = new LinkedHashMap<>();
        for (SpeechRecognizer e : engines) this.engines.put(e.name(), e);
        this.vad = vad;
        this.parallelism = parallelism;
        AtomicInteger n = new AtomicInteger();
        this.decoders = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "speech-decoder-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public List<SpeechRecognizer> engines() {
        return List.copyOf(engines.values());
    }

    /** The named engine, or the default for null. */
    public SpeechRecognizer engine(String name) {
        if (name == null) return engines.values().iterator().next();
        SpeechRecognizer engine = engines.get(name);
        if (engine == null) {
            throw new Problem(422, "unknown_engine", "Unknown engine",
                    "No speech-to-text engine '" + name + "'; engines: " + String.join(", ", engines.keySet()) + ".",
                    Map.of("engines", List.copyOf(engines.keySet())));
        }
        return engine;
    }

    /**
     * The engine a request asks for, checked before any work is accepted: installed, and able to transcribe the
     * language asked for (a tag matches one of the engine's by its primary language: {@code en} and {@code en-GB}
     * go to an {@code en-US} model).
     *
     * @throws Problem 422 {@code unknown_engine} or {@code unsupported_language}; the engine's 503 when its model
     *                 is not here
     */
    public SpeechRecognizer engineFor(TranscriptionOptions options) {
        SpeechRecognizer engine = engine(options.engine());
        if (!engine.installed()) throw engine.notInstalled();
        String language = options.language();
        if (language != null) {
            String primary = primary(language);
            if (engine.languages().stream().noneMatch(l -> primary(l).equals(primary))) {
                throw new Problem(422, "unsupported_language", "Unsupported language", "The " + engine.name()
                        + " engine transcribes " + String.join(", ", new java.util.TreeSet<>(engine.languages()))
                        + " with the model installed here; asked for '" + language + "'.",
                        Map.of("languages", List.copyOf(new java.util.TreeSet<>(engine.languages()))));
            }
        }
        return engine;
    }

    private static String primary(String tag) {
        return tag.split("[-_]")[0].toLowerCase(java.util.Locale.ROOT);
    }

    public VoiceActivityDetector vad() {
        return vad.get();
    }

    /**
     * Transcribes a recording of any sample rate.
     *
     * @throws CancellationException when {@code progress} asks to stop
     * @throws Problem               from the engine (model not installed, unsupported language)
     */
    public Transcription transcribe(Audio audio, TranscriptionOptions options, Progress progress) {
        SpeechRecognizer engine = engineFor(options);
        Audio speech = Resampler.resample(audio, Audio.SPEECH_RATE);
        VoiceActivityDetector detector = vad.get();
        List<SpeechSegment> found = detector.segments(speech, VadOptions.TRANSCRIPTION);

        long total = found.stream().mapToLong(SpeechSegment::length).sum();
        java.util.concurrent.atomic.AtomicLong decodedSamples = new java.util.concurrent.atomic.AtomicLong();
        List<Future<Transcript>> pending = new ArrayList<>(found.size());
        for (SpeechSegment s : found) {
            pending.add(decoders.submit(() -> {
                if (progress.canceled()) throw new CancellationException();
                Transcript t = engine.transcribe(speech.slice(s.start(), s.end()), options.language());
                decodedSamples.addAndGet(s.length());
                return t;
            }));
        }
        List<Transcription.Segment> segments = new ArrayList<>();
        String language = options.language();
        try {
            for (int i = 0; i < found.size(); i++) {
                Transcript t = await(pending.get(i), progress, () -> total == 0 ? 1 : decodedSamples.get() / (double) total);
                if (t.text().isBlank()) continue; // the detector heard a sound the engine found no words in
                SpeechSegment s = found.get(i);
                double offset = s.startSeconds();
                segments.add(new Transcription.Segment(segments.size(), round(s.startSeconds()), round(s.endSeconds()),
                        t.text(), t.words().stream().map(w -> round(w.shifted(offset))).toList()));
                if (language == null) language = t.language();
            }
        } finally {
            pending.forEach(f -> f.cancel(true));
        }
        progress.update(1);
        String text = String.join(" ", segments.stream().map(Transcription.Segment::text).toList());
        return new Transcription(text, language == null ? engine.languages().iterator().next() : language,
                round(audio.seconds()), engine.name(), engine.model(), detector.model(), segments);
    }

    /** Waits for one segment, telling {@code progress} how far all of them have got (from this one thread, in order). */
    private static Transcript await(Future<Transcript> f, Progress progress, java.util.function.DoubleSupplier done) {
        while (true) {
            if (progress.canceled()) throw new CancellationException("transcription canceled");
            progress.update(done.getAsDouble());
            try {
                return f.get(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException stillDecoding) {
                // look at cancellation again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Times to the millisecond: finer is noise at a 10 ms frame rate. */
    static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    private static Transcript.Word round(Transcript.Word w) {
        return new Transcript.Word(w.text(), round(w.start()), round(w.end()), w.confidence());
    }

    public int parallelism() {
        return parallelism;
    }

    @Override
    public void close() {
        decoders.shutdownNow();
    }
}
