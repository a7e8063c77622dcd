package io.gureum.language.embeddings;

import java.time.Duration;

/**
 * How an {@link EmbeddingModel} runs texts: up to {@code parallelRuns} model runs at once, each of at most
 * {@code maxBatchSize} texts (one padded batch). When fewer texts are queued than a full batch while other calls
 * are still being tokenized, a run waits up to {@code maxDelay} for them, so that calls arriving together run
 * together; a lone call never waits.
 *
 * <p>A model whose vectors would depend on the other texts in its batch (int8 models with dynamic quantization)
 * runs one text per run whatever {@code maxBatchSize} says: see {@link EmbeddingModel#batchesTexts()}.
 */
public record BatchSettings(int maxBatchSize, Duration maxDelay, int parallelRuns) {
    public BatchSettings {
        if (maxBatchSize < 1) throw new IllegalArgumentException("maxBatchSize must be >= 1, was " + maxBatchSize);
        if (maxDelay == null || maxDelay.isNegative()) throw new IllegalArgumentException("maxDelay must be >= 0");
        if (parallelRuns < 1) throw new IllegalArgumentException("parallelRuns must be >= 1, was " + parallelRuns);
    }

    /**
     * Batches of up to 32 texts, 2 ms of waiting, one run per core (each run on one ONNX Runtime thread): measured
     * on 2 cores, see docs/language.md.
     */
    public static BatchSettings defaults() {
        return new BatchSettings(32, Duration.ofMillis(2), Runtime.getRuntime().availableProcessors());
    }

    /** The same runs, one text each: what a model that cannot batch gets, and the baseline batching is measured against. */
    public BatchSettings oneTextPerRun() {
        return new BatchSettings(1, Duration.ZERO, parallelRuns);
    }
}
