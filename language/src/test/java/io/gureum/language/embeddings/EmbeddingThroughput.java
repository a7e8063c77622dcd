package io.gureum.language.embeddings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Texts embedded per second by any embedding function (ours, langchain4j's), measured the same way for each:
 * callers send calls of {@code textsPerCall} texts back to back for a while, after a warm-up. Kept free of test
 * assertions so that {@code ./gureum bench} can run the same code.
 */
final class EmbeddingThroughput {
    private final List<String> texts;
    private final Duration warmUp;
    private final Duration measured;

    EmbeddingThroughput(List<String> texts, Duration warmUp, Duration measured) {
        this.texts = List.copyOf(texts);
        this.warmUp = warmUp;
        this.measured = measured;
    }

    /** Texts per second with {@code callers} threads each sending calls of {@code textsPerCall} texts. */
    double textsPerSecond(Function<List<String>, List<float[]>> embed, int callers, int textsPerCall) throws Exception {
        run(embed, callers, textsPerCall, warmUp);
        return run(embed, callers, textsPerCall, measured);
    }

    private double run(Function<List<String>, List<float[]>> embed, int callers, int textsPerCall, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            List<Future<Long>> counts = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int caller = c;
                counts.add(pool.submit(() -> {
                    long embedded = 0;
                    for (int call = 0; System.nanoTime() < end; call++) {
                        List<String> batch = new ArrayList<>(textsPerCall);
                        // each caller walks the texts from its own place, so concurrent calls differ
                        for (int i = 0; i < textsPerCall; i++) batch.add(texts.get((caller * 5 + call * textsPerCall + i) % texts.size()));
                        embedded += embed.apply(batch).size();
                    }
                    return embedded;
                }));
            }
            long embedded = 0;
            for (Future<Long> count : counts) embedded += count.get();
            return embedded / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }
}
