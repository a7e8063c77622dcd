package io.gureum.language.embeddings;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs items from concurrent callers together: each of {@code parallelRuns} worker threads takes its share of the
 * queued items, up to {@code maxBatchSize}, and hands them to {@code runner} as one batch. Items a caller submits
 * stay together in the queue, so a request's texts share runs (on an idle model with 2 runs, a request of 32 texts
 * is two runs of 16, one per worker).
 *
 * <p>When the queue holds fewer than a full batch, a worker waits up to {@code maxDelay} only while other
 * callers are still preparing their items ({@link #submit} counts them): a lone caller never waits, and
 * callers arriving together are run together. Items that queue up while batches run form the next ones.
 *
 * @param <I> an item, e.g. one tokenized text
 * @param <O> its result, e.g. its embedding
 */
final class DynamicBatcher<I, O> implements AutoCloseable {
    private final Function<List<I>, List<O>> runner;
    private final int maxBatchSize;
    private final long maxDelayNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Pending<I, O>> queue = new ArrayDeque<>();
    private final String name;
    private final List<Thread> workers = new ArrayList<>();
    /** Callers inside {@link #submit} that have not queued their items yet. */
    private int preparing;
    /** Workers running a batch. */
    private int running;
    private boolean closed;

    private record Pending<I, O>(I item, CompletableFuture<O> result) {}

    /**
     * @param runner gets a batch of 1 to {@code maxBatchSize} items and returns their results in the same order;
     *               it runs on the worker threads only, up to {@code parallelRuns} batches at once
     */
    DynamicBatcher(String name, BatchSettings settings, Function<List<I>, List<O>> runner) {
        this.name = name;
        this.runner = runner;
        this.maxBatchSize = settings.maxBatchSize();
        this.maxDelayNanos = settings.maxDelay().toNanos();
        for (int i = 0; i < settings.parallelRuns(); i++) {
            Thread worker = new Thread(this::work, name + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /**
     * Prepares items on the calling thread (e.g. tokenizes them, in parallel with other callers and with the
     * running batch), then queues them. The futures complete in the order given, as their batches finish.
     */
    List<CompletableFuture<O>> submit(Supplier<List<I>> prepare) {
        lock.lock();
        try {
            requireOpen();
            preparing++;
        } finally {
            lock.unlock();
        }
        List<I> items;
        try {
            items = prepare.get();
        } catch (RuntimeException | Error e) {
            queue(List.of());
            throw e;
        }
        return queue(items);
    }

    private List<CompletableFuture<O>> queue(List<I> items) {
        lock.lock();
        try {
            preparing--;
            changed.signalAll();
            requireOpen();
            List<CompletableFuture<O>> results = new ArrayList<>(items.size());
            for (I item : items) {
                CompletableFuture<O> result = new CompletableFuture<>();
                queue.add(new Pending<>(item, result));
                results.add(result);
            }
            return results;
        } finally {
            lock.unlock();
        }
    }

    private void requireOpen() {
        if (closed) throw new IllegalStateException(name + " is closed");
    }

    private void work() {
        List<Pending<I, O>> batch;
        while ((batch = nextBatch()) != null) {
            try {
                List<O> outputs = runner.apply(batch.stream().map(Pending::item).toList());
                for (int i = 0; i < batch.size(); i++) batch.get(i).result().complete(outputs.get(i));
            } catch (Throwable e) {   // the callers get the failure; the worker goes on with the next batch
                batch.forEach(p -> p.result().completeExceptionally(e));
            } finally {
                lock.lock();
                try {
                    running--;
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** The next batch, or null once closed. */
    private List<Pending<I, O>> nextBatch() {
        lock.lock();
        try {
            while (true) {
                while (queue.isEmpty() && !closed) changed.awaitUninterruptibly();
                if (closed) return null;
                long deadline = System.nanoTime() + maxDelayNanos;
                while (queue.size() < maxBatchSize && preparing > 0 && !closed) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) break;
                    changed.awaitNanos(left);
                }
                if (closed) return null;
                if (queue.isEmpty()) continue;   // another worker took them while this one waited
                // shared out between the workers not running a batch, so that one request of many texts keeps every core busy
                int idle = workers.size() - running;
                int n = Math.min(maxBatchSize, (queue.size() + idle - 1) / idle);
                running++;
                List<Pending<I, O>> batch = new ArrayList<>(n);
                for (int i = 0; i < n; i++) batch.add(queue.poll());
                return batch;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Finishes the batches that are running, then fails whatever is still queued. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            for (Thread worker : workers) worker.join(TimeUnit.MINUTES.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        try {
            IllegalStateException closedError = new IllegalStateException(name + " was closed");
            queue.forEach(p -> p.result().completeExceptionally(closedError));
            queue.clear();
        } finally {
            lock.unlock();
        }
    }
}
