package io.gureum.language;

import io.gureum.core.ModelRef;
import io.gureum.core.Problem;
import io.gureum.runtime.models.InstalledModel;
import io.gureum.runtime.models.ModelStore;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Language detection as a plain library: which languages are these texts in?
 *
 * <pre>{@code
 * try (var detection = new LanguageDetection(new ModelStore(home.models(), ModelCatalog.builtIn()))) {
 *     DetectionResult result = detection.detect(List.of(new Document("1", "안녕하세요")), Optional.empty(), 1);
 * }
 * }</pre>
 *
 * <p>Models come from the {@link ModelStore}: the catalog's default for {@value #TASK} ({@code lingua})
 * or a pinned {@code id[@version]} such as {@code opennlp-langdetect@1.3.0}. Each installed model is
 * opened once, on first use or by {@link #warmUp}, and shared by all threads; requests then take no lock
 * of this class (a lock-free map read, then the engine). Engines are found with {@link ServiceLoader}
 * (see {@link LanguageDetectionEngine}).
 *
 * <p>Texts are limited as in Azure Language to {@value #MAX_CHARACTERS_PER_DOCUMENT} characters per document,
 * counted in Unicode code points, the same unit as {@link #characters billing}. How many documents a request
 * may hold is the caller's policy (the server answers small batches at once and runs large ones as
 * operations, calling this class chunk by chunk). A text with no letter (e.g. {@code "12345"}, {@code "?!"}, blanks,
 * {@code ""}) is not an error: its document gets an empty language list, where Azure answers "(Unknown)".
 */
public final class LanguageDetection implements AutoCloseable {
    public static final String TASK = "language-detection";
    public static final int MAX_CHARACTERS_PER_DOCUMENT = 5120;
    /** {@code top}, the number of languages per document, is between 1 and this. */
    public static final int MAX_TOP = 10;

    private final ModelStore store;
    private final Map<String, LanguageDetectionEngine> engines;
    /** What each requested model (empty: the default) resolved to; only successes are kept, so a later install is seen. */
    private final ConcurrentMap<Optional<ModelRef>, OpenedModel> resolved = new ConcurrentHashMap<>();
    /** One entry per installed model, by {@code id@version}, however it was asked for. */
    private final ConcurrentMap<String, OpenedModel> models = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public LanguageDetection(ModelStore store) {
        this.store = Objects.requireNonNull(store, "store");
        this.engines = discoverEngines();
    }

    /**
     * Detects the languages of each document, best first, at most {@code top} per document.
     *
     * @param model the model to use: empty for the catalog's default, else {@code id} or {@code id@version}
     * @throws Problem {@code validation_failed} (422) for bad documents or {@code top};
     *                 {@code unknown_model} (404) for a model not in the catalog;
     *                 {@code model_not_installed} (503) for one not installed here
     */
    public DetectionResult detect(List<Document> documents, Optional<ModelRef> model, int top) {
        Objects.requireNonNull(model, "model: pass Optional.empty() for the default");
        validate(documents);
        if (top < 1 || top > MAX_TOP) throw Problem.invalid("top must be between 1 and " + MAX_TOP + ", was " + top);
        OpenedModel opened = model(model);
        LanguageIdentifier identifier = opened.identifier();
        List<DocumentLanguages> results = new ArrayList<>(documents.size());
        for (Document document : documents) {
            String text = nfc(document.text());
            List<DetectedLanguage> languages = hasLetter(text) ? identifier.detect(text, top) : List.of();
            results.add(new DocumentLanguages(document.id(), languages));
        }
        return new DetectionResult(opened.id(), opened.version(), results);
    }

    /**
     * Checks a batch without detecting: at least one document, ids present and unique,
     * text present (may be empty) and at most {@value #MAX_CHARACTERS_PER_DOCUMENT} code points.
     *
     * @throws Problem {@code validation_failed} whose detail names the first offending document
     */
    public static void validate(List<Document> documents) {
        if (documents == null || documents.isEmpty()) throw Problem.invalid("documents: at least one document is required");
        Map<String, Integer> indexById = new HashMap<>(documents.size() * 2);
        for (int i = 0; i < documents.size(); i++) {
            Document document = documents.get(i);
            if (document == null) throw Problem.invalid("documents[" + i + "] is missing");
            String id = document.id();
            if (id == null || id.isBlank()) throw Problem.invalid("documents[" + i + "]: id is blank");
            Integer earlier = indexById.putIfAbsent(id, i);
            if (earlier != null) {
                throw Problem.invalid("documents[" + i + "]: id '" + id + "' is already used by documents[" + earlier
                        + "]; ids must be unique");
            }
            String text = document.text();
            if (text == null) throw Problem.invalid("document '" + id + "': text is missing");
            // length() bounds the code point count from above, so most texts need no counting.
            if (text.length() > MAX_CHARACTERS_PER_DOCUMENT) {
                int characters = text.codePointCount(0, text.length());
                if (characters > MAX_CHARACTERS_PER_DOCUMENT) {
                    throw Problem.invalid("document '" + id + "': text has " + characters + " characters; at most "
                            + MAX_CHARACTERS_PER_DOCUMENT + " are allowed, split it into several documents");
                }
            }
        }
    }

    /**
     * Opens the default model now (Lingua preloads its models: 5-10 s and about 1.5 GB of heap) and runs
     * one detection, so that the first request is fast. Safe to call from several threads.
     *
     * @throws Problem {@code model_not_installed} (503) when the default model is not installed
     */
    public void warmUp() {
        model(Optional.empty()).identifier().detect("Warming up the language detector.", 1);
    }

    /** Whether the default model is loaded: {@link #warmUp}, or a request that did not pin a model, has completed. */
    public boolean isWarm() {
        OpenedModel opened = resolved.get(Optional.<ModelRef>empty());
        return opened != null && opened.isOpen();
    }

    /** Billing units of a batch: the sum of its texts' lengths in Unicode code points. */
    public static long characters(List<Document> documents) {
        long characters = 0;
        if (documents == null) return 0;
        for (Document document : documents) {
            String text = document == null ? null : document.text();
            if (text != null) characters += text.codePointCount(0, text.length());
        }
        return characters;
    }

    /** Releases every opened model. Call it when no detection is in flight (e.g. at shutdown). */
    @Override
    public void close() {
        closed = true;
        models.values().forEach(OpenedModel::close);
    }

    private OpenedModel model(Optional<ModelRef> ref) {
        if (closed) throw new IllegalStateException("LanguageDetection is closed");
        OpenedModel opened = resolved.get(ref);
        if (opened != null) return opened;
        // Reads the model card from disk, hence the cache above; unknown_model also covers another task's pack.
        InstalledModel installed = store.resolve(TASK, ref);   // throws unknown_model / model_not_installed
        String key = installed.card().id() + "@" + installed.card().version();
        opened = models.computeIfAbsent(key, k -> new OpenedModel(engine(installed), installed));
        resolved.putIfAbsent(ref, opened);
        return opened;
    }

    private LanguageDetectionEngine engine(InstalledModel installed) {
        LanguageDetectionEngine engine = engines.get(installed.card().id());
        if (engine == null) {
            throw new Problem(501, "engine_not_available", "Engine not available",
                    "No language detection engine for model '" + installed.card().id() + "' is on this server's "
                            + "class path; engines found: " + engines.keySet());
        }
        return engine;
    }

    private static Map<String, LanguageDetectionEngine> discoverEngines() {
        Map<String, LanguageDetectionEngine> byPack = new HashMap<>();
        for (LanguageDetectionEngine engine : ServiceLoader.load(LanguageDetectionEngine.class,
                LanguageDetection.class.getClassLoader())) {
            LanguageDetectionEngine other = byPack.putIfAbsent(engine.packId(), engine);
            if (other != null) {
                throw new IllegalStateException("two language detection engines serve pack '" + engine.packId() + "': "
                        + other.getClass().getName() + " and " + engine.getClass().getName());
            }
        }
        return Map.copyOf(byPack);
    }

    /**
     * Composed form, as the engines' models were trained on: a decomposed "ệ" (e + two combining marks)
     * otherwise reads as a bare "e", and decomposed Vietnamese scored 78% instead of 100% with Lingua.
     */
    private static String nfc(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static boolean hasLetter(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (Character.isLetter(codePoint)) return true;
            i += Character.charCount(codePoint);
        }
        return false;
    }

    /** An installed model and, once opened, its identifier: opened by the first caller, then read without locking. */
    private final class OpenedModel {
        private final LanguageDetectionEngine engine;
        private final InstalledModel installed;
        private volatile LanguageIdentifier identifier;

        OpenedModel(LanguageDetectionEngine engine, InstalledModel installed) {
            this.engine = engine;
            this.installed = installed;
        }

        String id() { return installed.card().id(); }
        String version() { return installed.card().version(); }
        boolean isOpen() { return identifier != null; }

        LanguageIdentifier identifier() {
            LanguageIdentifier opened = identifier;
            if (opened != null) return opened;
            synchronized (this) {   // only while loading: later calls return above
                if (closed) throw new IllegalStateException("LanguageDetection is closed");
                if (identifier == null) identifier = engine.open(installed);
                return identifier;
            }
        }

        synchronized void close() {
            if (identifier != null) identifier.close();
            identifier = null;
        }
    }
}
