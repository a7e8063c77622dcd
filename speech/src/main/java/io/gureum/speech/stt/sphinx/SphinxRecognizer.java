package io.gureum.speech.stt.sphinx;

import edu.cmu.sphinx.api.Configuration;
import edu.cmu.sphinx.api.Context;
import edu.cmu.sphinx.api.SpeechResult;
import edu.cmu.sphinx.recognizer.Recognizer;
import edu.cmu.sphinx.result.Result;
import edu.cmu.sphinx.result.WordResult;
import edu.cmu.sphinx.util.LogMath;
import io.gureum.core.Problem;
import io.gureum.runtime.models.InstalledModel;
import io.gureum.speech.audio.Audio;
import io.gureum.speech.stt.SpeechRecognizer;
import io.gureum.speech.stt.Transcript;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code sphinx} engine: CMU Sphinx4 with the US English acoustic model, 3-gram language model and
 * dictionary of the {@code sphinx-en-us} pack. A Sphinx4 decoder is single-threaded and takes a second and
 * ~150 MB to load, so decoders are kept warm in a pool of at most {@code poolSize}, one per concurrent stretch
 * of speech.
 */
public final class SphinxRecognizer implements SpeechRecognizer {
    public static final String NAME = "sphinx";
    public static final String LANGUAGE = "en-US";
    /** The model pack's task in the catalog. */
    public static final String TASK = "speech-sphinx";

    static {
        // Sphinx4 logs every component's configuration at INFO through java.util.logging.
        Logger.getLogger("edu.cmu.sphinx").setLevel(Level.WARNING);
        Logger.getLogger("default.config").setLevel(Level.WARNING);
    }

    private final Supplier<InstalledModel> models;
    private final int poolSize;
    private final LinkedBlockingDeque<Decoder> idle = new LinkedBlockingDeque<>();
    private final Semaphore slots;
    private volatile InstalledModel model;

    /**
     * @param models   resolves the installed pack (throws the store's 503 problem when it is not installed)
     * @param poolSize decoders kept at most: one per core is what the CPU can run at once
     */
    public SphinxRecognizer(Supplier<InstalledModel> models, int poolSize) {
        if (poolSize < 1) throw new IllegalArgumentException("poolSize must be at least 1");
        this.models = models;
        this.poolSize = poolSize;
        this.slots = new Semaphore(poolSize, true);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> languages() {
        return Set.of(LANGUAGE);
    }

    @Override
    public boolean installed() {
        try {
            installedModel();
            return true;
        } catch (Problem notInstalled) {
            return false;
        }
    }

    @Override
    public Problem notInstalled() {
        try {
            installedModel();
            throw new IllegalStateException("the sphinx model is installed");
        } catch (Problem storeSaysHowToInstall) {
            return storeSaysHowToInstall;
        }
    }

    @Override
    public String model() {
        InstalledModel m = model;
        return m == null ? "sphinx-en-us" : m.card().id() + "@" + m.card().version();
    }

    /** Loads one decoder ahead of the first request (a server's warm-up). */
    public void warmUp() {
        release(acquire());
    }

    @Override
    public Transcript transcribe(Audio speech, String language) {
        if (speech.sampleRate() != Audio.SPEECH_RATE) {
            throw new IllegalArgumentException("sphinx reads 16 kHz audio; got " + speech.sampleRate() + " Hz");
        }
        if (language != null && !language.equalsIgnoreCase(LANGUAGE) && !language.equalsIgnoreCase("en")) {
            throw new Problem(422, "unsupported_language", "Unsupported language",
                    "The sphinx engine transcribes " + LANGUAGE + " only; asked for '" + language
                            + "'. Another engine (whisper, vosk) with a model for that language can.");
        }
        Decoder decoder = acquire();
        try {
            return decoder.decode(speech);
        } finally {
            release(decoder);
        }
    }

    private Decoder acquire() {
        slots.acquireUninterruptibly();
        Decoder d = idle.pollFirst();
        if (d != null) return d;
        try {
            return new Decoder(installedModel());
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    private void release(Decoder d) {
        idle.offerFirst(d); // most recently used first: its caches are warm
        slots.release();
    }

    private InstalledModel installedModel() {
        InstalledModel m = model;
        if (m == null) {
            m = models.get();
            model = m;
        }
        return m;
    }

    @Override
    public void close() {
        Decoder d;
        while ((d = idle.pollFirst()) != null) d.close();
    }

    /** The decoders this engine may run at once. */
    public int poolSize() {
        return poolSize;
    }

    /** The decoder's configuration: why it differs from Sphinx4's stock one is said in the file. */
    private static final String CONFIG = "resource:/io/gureum/speech/stt/sphinx/decoder.config.xml";

    /** One Sphinx4 decoder: its own front end, search and loaded models. */
    private static final class Decoder {
        private final Context context;
        private final Recognizer recognizer;

        Decoder(InstalledModel model) {
            Configuration config = new Configuration();
            config.setAcousticModelPath(model.file("en-us").toString());
            config.setDictionaryPath(model.file("cmudict-en-us.dict").toString());
            config.setLanguageModelPath(model.file("en-us.lm.bin").toString());
            try {
                context = new Context(CONFIG, config);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the sphinx models from " + model.dir(), e);
            }
            recognizer = context.getInstance(Recognizer.class);
            recognizer.allocate();

        }

        Transcript decode(Audio speech) {
            context.setSpeechSource(new ByteArrayInputStream(speech.pcm16()));
            List<Transcript.Word> words = new ArrayList<>();
            Result result;
            while ((result = recognizer.recognize()) != null) {
                // Only silence and fillers: Sphinx's lattice has no word path to give (and would throw).
                if (result.getBestResultNoFiller().isBlank()) continue;
                for (WordResult w : new SpeechResult(result).getWords()) {
                    if (w.isFiller()) continue;
                    String spelling = w.getWord().getSpelling();
                    if (spelling.startsWith("<") || spelling.startsWith("[")) continue;
                    words.add(new Transcript.Word(spelling.toLowerCase(Locale.ROOT),
                            w.getTimeFrame().getStart() / 1000.0, w.getTimeFrame().getEnd() / 1000.0,
                            confidence(w)));
                }
            }
            String text = String.join(" ", words.stream().map(Transcript.Word::text).toList());
            return new Transcript(text, words, LANGUAGE);
        }

        /** Sphinx gives a word's posterior probability from its lattice as a log; 0..1, rounded. */
        private static Double confidence(WordResult w) {
            double p = LogMath.getLogMath().logToLinear((float) w.getConfidence());
            if (Double.isNaN(p)) return null;
            return Math.round(Math.max(0, Math.min(1, p)) * 1000) / 1000.0;
        }

        void close() {
            recognizer.deallocate();
        }
    }
}
