package io.gureum.language.embeddings;

import io.gureum.core.ModelRef;
import io.gureum.core.Problem;
import io.gureum.runtime.models.InstalledModel;
import io.gureum.runtime.models.ModelPack;
import io.gureum.runtime.models.ModelStore;
import io.gureum.runtime.onnx.OnnxModel;
import io.gureum.runtime.onnx.OnnxModelException;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Text embeddings as a plain library: a unit vector per text, so that texts meaning the same thing get vectors
 * with a high dot product (cosine similarity). For semantic search, clustering, deduplication and the chatbot
 * builder's intent matching.
 *
 * <pre>{@code
 * try (var embeddings = new TextEmbeddings(new ModelStore(home.models(), ModelCatalog.builtIn()))) {
 *     List<float[]> vectors = embeddings.embed(List.of("How do I reset my password?", "I forgot my password"));
 *     int dimensions = embeddings.dimensions();            // 384
 *     String model = embeddings.model().ref();             // all-minilm-l6-v2-q@1.20.0-beta30
 * }
 * }</pre>
 *
 * <p>Models come from the {@link ModelStore}: the catalog's default for {@value #TASK} or a pinned
 * {@code id[@version]}; vectors are only comparable with vectors of the same model version, so a caller that
 * stores them should store {@link EmbeddingModel#ref()} too. Each installed model is loaded once, on first use
 * or by {@link #warmUp}, and shared by all threads, its concurrent calls batched together
 * ({@link BatchSettings}).
 *
 * <p>Limits: at most {@value #MAX_TEXTS} texts per call and {@value #MAX_CHARACTERS_PER_TEXT} characters
 * (Unicode code points, the billing unit) per text; a text longer than {@value #MAX_TOKENS} word pieces is
 * embedded from its beginning and reported {@link TextEmbedding#truncated() truncated}.
 */
public final class TextEmbeddings implements AutoCloseable {
    public static final String TASK = "text-embedding";
    public static final int MAX_TEXTS = 256;
    public static final int MAX_CHARACTERS_PER_TEXT = 10_000;
    /**
     * Word pieces read per text: all-MiniLM-L6-v2 was trained on at most 128 and sentence-transformers runs it with
     * 256 (its {@code max_seq_length}); its tokenizer.json's own 128 is overridden. About 1,000 characters of English.
     */
    public static final int MAX_TOKENS = 256;

    private final ModelStore store;
    private final OnnxModel.Options onnxOptions;
    private final BatchSettings batching;
    /** What each requested model (empty: the default) resolved to; only successes are kept, so a later install is seen. */
    private final ConcurrentMap<Optional<ModelRef>, EmbeddingModel> resolved = new ConcurrentHashMap<>();
    /** One loaded model per installed {@code id@version}, however it was asked for. */
    private final ConcurrentMap<String, EmbeddingModel> models = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** {@link BatchSettings#defaults()}: one run per core, each on one ONNX Runtime thread. */
    public TextEmbeddings(ModelStore store) {
        this(store, OnnxModel.Options.defaults().withIntraOpThreads(1), BatchSettings.defaults());
    }

    /**
     * @param onnxOptions ONNX Runtime's threads per run: with {@link BatchSettings#parallelRuns()} runs at once,
     *                    cores / parallelRuns (one thread per run measured best on 2 cores: ORT's spinning intra-op
     *                    threads lose more than they gain on inputs this small, worse so on a busy machine)
     */
    public TextEmbeddings(ModelStore store, OnnxModel.Options onnxOptions, BatchSettings batching) {
        this.store = Objects.requireNonNull(store, "store");
        this.onnxOptions = Objects.requireNonNull(onnxOptions, "onnxOptions");
        this.batching = Objects.requireNonNull(batching, "batching");
    }

    /**
     * Embeds texts with the given model, one entry per text in request order.
     *
     * @param model empty for the catalog's default, else {@code id} or {@code id@version}
     * @throws Problem {@code validation_failed} (422) or {@code payload_too_large} (413) for bad texts (see {@link #validate});
     *                 {@code unknown_model} (404) for a model not in the catalog or of another task;
     *                 {@code model_not_installed} (503) for one not installed here
     */
    public EmbeddingResult embed(List<String> texts, Optional<ModelRef> model) {
        Objects.requireNonNull(model, "model: pass Optional.empty() for the default");
        validate(texts);
        EmbeddingModel loaded = model(model);
        return new EmbeddingResult(loaded.id(), loaded.version(), loaded.dimensions(), loaded.embed(texts));
    }

    /** The vectors of texts with the default model, in order; see {@link #embed(List, Optional)}. */
    public List<float[]> embed(List<String> texts) {
        return embed(texts, Optional.empty()).data().stream().map(TextEmbedding::embedding).toList();
    }

    /** The default model, loaded. */
    public EmbeddingModel model() {
        return model(Optional.empty());
    }

    /** The vector length of the default model. */
    public int dimensions() {
        return model().dimensions();
    }

    /**
     * A model, loaded on first use and shared.
     *
     * @throws Problem {@code unknown_model} (404), {@code model_not_installed} (503), or {@code model_unusable}
     *                 (503) when its files are not a model this class can run
     */
    public EmbeddingModel model(Optional<ModelRef> ref) {
        if (closed) throw new IllegalStateException("TextEmbeddings is closed");
        EmbeddingModel hit = resolved.get(ref);
        if (hit != null) return hit;
        InstalledModel installed = store.resolve(TASK, ref);   // throws unknown_model / model_not_installed
        EmbeddingModel loaded = models.computeIfAbsent(installed.card().ref(), k -> open(installed));
        resolved.putIfAbsent(ref, loaded);
        return loaded;
    }

    private EmbeddingModel open(InstalledModel installed) {
        try {
            return EmbeddingModel.open(installed, MAX_TOKENS, onnxOptions, batching);
        } catch (IllegalArgumentException | UncheckedIOException | OnnxModelException e) {
            ModelPack pack = store.catalog().find(installed.card().id(), Optional.of(installed.card().version())).orElseThrow();
            throw store.unusable(pack, e.getMessage());
        }
    }

    /**
     * Checks texts without embedding them: 1 to {@value #MAX_TEXTS} texts, each present, not blank, and at most
     * {@value #MAX_CHARACTERS_PER_TEXT} code points.
     *
     * @throws Problem {@code payload_too_large} (413) for too many texts; {@code validation_failed} (422), naming
     *                 the first offending text, otherwise
     */
    public static void validate(List<String> texts) {
        if (texts == null || texts.isEmpty()) throw Problem.invalid("texts: at least one text is required");
        if (texts.size() > MAX_TEXTS) {
            throw Problem.tooLarge(texts.size() + " texts in one request; at most " + MAX_TEXTS + " (split the batch)");
        }
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null) throw Problem.invalid("texts[" + i + "] is missing");
            if (text.isBlank()) throw Problem.invalid("texts[" + i + "] is empty or only white space; there is nothing to embed");
            // length() bounds the code point count from above, so most texts need no counting
            if (text.length() > MAX_CHARACTERS_PER_TEXT) {
                int characters = text.codePointCount(0, text.length());
                if (characters > MAX_CHARACTERS_PER_TEXT) {
                    throw Problem.invalid("texts[" + i + "] has " + characters + " characters; at most " + MAX_CHARACTERS_PER_TEXT
                            + " are allowed (and only the first " + MAX_TOKENS + " word pieces, about 1,000 characters of "
                            + "English, are embedded): split it into several texts");
                }
            }
        }
    }

    /** Billing units of a batch: the sum of its texts' lengths in Unicode code points. */
    public static long characters(List<String> texts) {
        long characters = 0;
        if (texts == null) return 0;
        for (String text : texts) {
            if (text != null) characters += text.codePointCount(0, text.length());
        }
        return characters;
    }

    /**
     * Loads the default model now and embeds one sentence, so that the first request is fast. Safe to call
     * from several threads.
     *
     * @throws Problem {@code model_not_installed} (503) when the default model is not installed
     */
    public void warmUp() {
        model().embed(List.of("Warming up the text embedding model."));
    }

    /** Whether the default model is loaded: {@link #warmUp}, or a request that did not pin a model, has completed. */
    public boolean isWarm() {
        return resolved.containsKey(Optional.<ModelRef>empty());
    }

    /** Releases every loaded model, after the batch each is running. Call it when no call is in flight (e.g. at shutdown). */
    @Override
    public void close() {
        closed = true;
        models.values().forEach(EmbeddingModel::close);
        models.clear();
        resolved.clear();
    }
}
