package io.gureum.language.embeddings;

import io.gureum.runtime.models.InstalledModel;
import io.gureum.runtime.models.PackFile;
import io.gureum.runtime.onnx.OnnxModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One loaded sentence-embedding model: a BERT-style encoder in ONNX, its {@code tokenizer.json}, mean pooling of
 * the last hidden state over the attention mask, and L2 normalisation (what sentence-transformers does for
 * all-MiniLM-L6-v2). Thread-safe and shared: concurrent calls are run together by a {@link DynamicBatcher}.
 *
 * <p>Texts are tokenized on the calling thread; the batcher's workers pad each batch to its longest text and run
 * it. A call's texts are queued shortest first, so that the batches a long request is cut into hold texts of
 * similar length and little padding.
 */
public final class EmbeddingModel implements AutoCloseable {
    private static final String INPUT_IDS = "input_ids";
    private static final String ATTENTION_MASK = "attention_mask";
    private static final String TOKEN_TYPE_IDS = "token_type_ids";
    private static final String LAST_HIDDEN_STATE = "last_hidden_state";
    /** How far batching may move a vector coordinate for the model to be batched; float32 models move them by 0. */
    static final double BATCH_TOLERANCE = 1e-5;
    private static final List<String> PROBE = List.of("Probe.",
            "A longer probe sentence, to see whether running texts together changes their vectors.");

    private final String id;
    private final String version;
    private final int maxTokens;
    private final OnnxModel onnx;
    private final WordPieces wordPieces;
    private final String output;
    private final int dimensions;
    private final boolean takesTokenTypes;
    private final boolean batchesTexts;
    private final DynamicBatcher<WordPieces.Encoded, float[]> batcher;

    private EmbeddingModel(InstalledModel installed, int maxTokens, OnnxModel onnx, WordPieces wordPieces,
                           BatchSettings batching) {
        this.id = installed.card().id();
        this.version = installed.card().version();
        this.maxTokens = maxTokens;
        this.onnx = onnx;
        this.wordPieces = wordPieces;
        Set<String> inputs = onnx.inputNames();
        if (!inputs.contains(INPUT_IDS) || !inputs.contains(ATTENTION_MASK)) {
            throw new IllegalArgumentException("the ONNX model's inputs are " + inputs + "; a text encoder needs " + INPUT_IDS + " and " + ATTENTION_MASK);
        }
        this.takesTokenTypes = inputs.contains(TOKEN_TYPE_IDS);
        this.output = onnx.outputNames().contains(LAST_HIDDEN_STATE) ? LAST_HIDDEN_STATE : onnx.outputNames().iterator().next();
        long[] shape = onnx.shapeOf(output);
        if (shape.length != 3 || shape[2] < 1) {
            throw new IllegalArgumentException("the ONNX model's output '" + output + "' has shape " + Arrays.toString(shape)
                    + ", not [batch, tokens, dimensions]");
        }
        this.dimensions = (int) shape[2];
        this.batchesTexts = batchingKeepsVectors();
        this.batcher = new DynamicBatcher<>("embeddings-" + id, batchesTexts ? batching : batching.oneTextPerRun(), this::run);
    }

    /**
     * Loads an installed pack: its one {@code .onnx} file and its one file ending in {@code tokenizer.json}.
     *
     * @throws IllegalArgumentException when the files are not such a model (wrong inputs, outputs or files)
     */
    static EmbeddingModel open(InstalledModel installed, int maxTokens, OnnxModel.Options options, BatchSettings batching) {
        List<String> tokenizers = installed.card().files().stream().map(PackFile::path)
                .filter(p -> p.endsWith("tokenizer.json")).toList();
        if (tokenizers.size() != 1) {
            throw new IllegalArgumentException("the pack must hold exactly one *tokenizer.json file, not " + tokenizers);
        }
        WordPieces wordPieces = WordPieces.open(installed.file(tokenizers.get(0)), maxTokens);
        OnnxModel onnx = null;
        try {
            onnx = OnnxModel.load(installed.onnxFile(), options);
            return new EmbeddingModel(installed, maxTokens, onnx, wordPieces, batching);
        } catch (RuntimeException e) {
            if (onnx != null) onnx.close();
            wordPieces.close();
            throw e;
        }
    }

    /** The catalog id of the pack, e.g. {@code all-minilm-l6-v2-q}. */
    public String id() { return id; }

    public String version() { return version; }

    /** {@code id@version}: pin this to get vectors comparable with these. */
    public String ref() { return id + "@" + version; }

    /** The length of every vector. */
    public int dimensions() { return dimensions; }

    /**
     * Whether texts share model runs (padded batches). Found out when the model loads: two texts of different
     * lengths run alone and together, and batching is used only when that leaves their vectors as they were
     * (within {@value #BATCH_TOLERANCE}). An int8 model with dynamic quantization does not pass: ONNX Runtime's
     * {@code DynamicQuantizeLinear} picks one scale for the whole batch tensor, so a text's vector would depend on the
     * other texts in its batch (all-minilm-l6-v2-q: cosine down to 0.98 against the text alone). Such a model runs one
     * text per run, {@link BatchSettings#parallelRuns()} at once, and gives every text the vector it gets alone.
     */
    public boolean batchesTexts() { return batchesTexts; }

    /** The most word pieces read per text ({@code [CLS]} and {@code [SEP]} included); the rest is cut off. */
    public int maxTokens() { return maxTokens; }

    /**
     * Embeds texts, one {@link TextEmbedding} per text in the given order. Checked as
     * {@link TextEmbeddings#validate} says.
     */
    public List<TextEmbedding> embed(List<String> texts) {
        TextEmbeddings.validate(texts);
        List<WordPieces.Encoded> encoded = new ArrayList<>(texts.size());
        List<CompletableFuture<float[]>> vectors = batcher.submit(() -> {
            for (int i = 0; i < texts.size(); i++) encoded.add(wordPieces.encode(i, texts.get(i)));
            encoded.sort(Comparator.comparingInt(e -> e.ids().length));
            return encoded;
        });
        TextEmbedding[] result = new TextEmbedding[texts.size()];
        for (int i = 0; i < encoded.size(); i++) {
            WordPieces.Encoded e = encoded.get(i);
            result[e.index()] = new TextEmbedding(e.index(), await(vectors.get(i)), e.ids().length, e.truncated());
        }
        return List.of(result);
    }

    private boolean batchingKeepsVectors() {
        List<WordPieces.Encoded> probe = new ArrayList<>();
        for (int i = 0; i < PROBE.size(); i++) probe.add(wordPieces.encode(i, PROBE.get(i)));
        List<float[]> together = run(probe);
        for (int i = 0; i < probe.size(); i++) {
            float[] alone = run(List.of(probe.get(i))).get(0);
            for (int k = 0; k < dimensions; k++) {
                if (Math.abs(alone[k] - together.get(i)[k]) > BATCH_TOLERANCE) return false;
            }
        }
        return true;
    }

    /** One padded batch through the encoder, then pooling: runs on the batcher's workers (and the probe) only. */
    private List<float[]> run(List<WordPieces.Encoded> batch) {
        int n = batch.size();
        int length = batch.stream().mapToInt(e -> e.ids().length).max().orElseThrow();
        long[] ids = new long[n * length];      // padding: id 0 ([PAD]) with mask 0
        long[] mask = new long[n * length];
        for (int b = 0; b < n; b++) {
            long[] textIds = batch.get(b).ids();
            System.arraycopy(textIds, 0, ids, b * length, textIds.length);
            Arrays.fill(mask, b * length, b * length + textIds.length, 1L);
        }
        Map<String, OnnxModel.Input> feeds = new LinkedHashMap<>();
        feeds.put(INPUT_IDS, OnnxModel.Input.longs(ids, n, length));
        feeds.put(ATTENTION_MASK, OnnxModel.Input.longs(mask, n, length));
        if (takesTokenTypes) feeds.put(TOKEN_TYPE_IDS, OnnxModel.Input.longs(new long[n * length], n, length));
        float[] hidden = onnx.run(feeds, Set.of(output)).floats(output);   // [n, length, dimensions]
        List<float[]> vectors = new ArrayList<>(n);
        for (int b = 0; b < n; b++) vectors.add(meanPooledUnitVector(hidden, b, length, batch.get(b).ids().length));
        return vectors;
    }

    /** The mean of a text's token vectors (its padding left out), scaled to length 1. */
    private float[] meanPooledUnitVector(float[] hidden, int text, int length, int tokens) {
        float[] sum = new float[dimensions];
        for (int t = 0; t < tokens; t++) {
            int offset = (text * length + t) * dimensions;
            for (int k = 0; k < dimensions; k++) sum[k] += hidden[offset + k];
        }
        double squares = 0;
        for (float v : sum) squares += (double) v * v;
        // the mean's 1/tokens cancels out in the normalisation; a zero vector (never seen) stays zero
        float scale = squares > 0 ? (float) (1 / Math.sqrt(squares)) : 0f;
        for (int k = 0; k < dimensions; k++) sum[k] *= scale;
        return sum;
    }

    private static float[] await(CompletableFuture<float[]> vector) {
        try {
            return vector.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for embeddings", e);
        }
    }

    /** Finishes the batch that is running, then frees the session and the tokenizer. */
    @Override
    public void close() {
        batcher.close();
        onnx.close();
        wordPieces.close();
    }
}
