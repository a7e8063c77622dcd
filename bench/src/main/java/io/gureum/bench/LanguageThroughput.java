package io.gureum.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;

/**
 * Items handled per second by any call that takes a list of them (ours or a peer's embeddings, sentiment), measured
 * the same way for each: {@code callers} threads send calls of {@code perCall} items back to back for a fixed time,
 * after an unmeasured warm-up of the same shape (thread pools started, JIT warm, ONNX Runtime's arenas grown).
 *
 * @param <T> what a call takes: texts, documents
 */
final class LanguageThroughput<T> {
    private final List<T> items;
    private final Duration warmUp;
    private final Duration measured;

    LanguageThroughput(List<T> items, Duration warmUp, Duration measured) {
        if (items.isEmpty()) throw new IllegalArgumentException("no items to send");
        this.items = List.copyOf(items);
        this.warmUp = warmUp;
        this.measured = measured;
    }

    /**
     * Items per second with {@code callers} threads each sending calls of {@code perCall} items.
     *
     * @param call handles one call and says how many items it handled
     */
    double perSecond(ToIntFunction<List<T>> call, int callers, int perCall) throws Exception {
        if (callers < 1 || perCall < 1) throw new IllegalArgumentException("callers and perCall must be at least 1");
        if (!warmUp.isZero()) run(call, callers, perCall, warmUp);
        return run(call, callers, perCall, measured);
    }

    /**
     * The items of a caller's {@code call}-th call: consecutive items from the caller's own starting place (callers
     * start evenly spread over the list, so concurrent calls differ), wrapping around at the end. No item appears twice
     * in one call while {@code perCall} is at most the list's size (sentiment needs unique document ids per call).
     */
    static <T> List<T> callItems(List<T> items, int callers, int caller, long call, int perCall) {
        int size = items.size();
        long start = (long) caller * size / callers + call * perCall;
        List<T> batch = new ArrayList<>(perCall);
        for (int i = 0; i < perCall; i++) batch.add(items.get((int) ((start + i) % size)));
        return batch;
    }

    private double run(ToIntFunction<List<T>> call, int callers, int perCall, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            List<Future<Long>> counts = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int caller = c;
                counts.add(pool.submit(() -> {
                    long handled = 0;
                    // at least one call each, however short the duration
                    for (long n = 0; n == 0 || System.nanoTime() < end; n++) {
                        handled += call.applyAsInt(callItems(items, callers, caller, n, perCall));
                    }
                    return handled;
                }));
            }
            long handled = 0;
            for (Future<Long> count : counts) handled += count.get();
            // over the time until the last caller's last call ended, not the nominal duration
            return handled / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }
}
