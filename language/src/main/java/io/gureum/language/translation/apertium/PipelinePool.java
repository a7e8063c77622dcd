package io.gureum.language.translation.apertium;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The running pipelines of one language pair: up to {@code maxPipelines}, started when the requests need them
 * (the first on first use), each lent to one caller at a time. Callers beyond that bound wait their turn, in
 * order, until their deadline. A pipeline that died, timed out or misbehaved is closed and a new one started in
 * its place on the next call; a chunk whose pipeline died under it is tried once more on a fresh pipeline, so a
 * pipeline killed while idle costs one restart and no failed request.
 */
final class PipelinePool implements AutoCloseable {
    private final String pair;
    private final String shellPipeline;
    private final Map<String, String> environment;
    private final Semaphore turns;
    private final Deque<ApertiumPipeline> idle = new ArrayDeque<>();   // guarded by this
    private final Set<ApertiumPipeline> running = new HashSet<>();       // guarded by this
    private boolean closed;                                               // guarded by this

    /**
     * @param shellPipeline the pair's null-flush pipeline, as {@code apertium-wblank-mode -z} prints it
     * @param environment   set in each pipeline's environment (a UTF-8 {@code LC_CTYPE})
     */
    PipelinePool(String pair, String shellPipeline, Map<String, String> environment, int maxPipelines) {
        if (maxPipelines < 1) throw new IllegalArgumentException("maxPipelines must be at least 1: " + maxPipelines);
        this.pair = pair;
        this.shellPipeline = shellPipeline;
        this.environment = Map.copyOf(environment);
        this.turns = new Semaphore(maxPipelines, true);
    }

    /**
     * Runs one stream chunk through a pipeline of this pair.
     *
     * @throws TimeoutException when no pipeline was free, or none answered, by the deadline
     * @throws IOException      when a pipeline cannot start, or two in a row broke on this chunk
     */
    String process(String chunk, long deadlineNanos) throws IOException, TimeoutException, InterruptedException {
        if (!turns.tryAcquire(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            throw new TimeoutException("all " + pair + " pipelines stayed busy");
        }
        try {
            for (int attempt = 1; ; attempt++) {
                ApertiumPipeline pipeline = take();
                boolean fine = false;
                try {
                    String output = pipeline.process(chunk, deadlineNanos);
                    fine = true;
                    return output;
                } catch (IOException broke) {
                    if (attempt == 2) throw broke;
                } finally {
                    giveBack(pipeline, fine);
                }
            }
        } finally {
            turns.release();
        }
    }

    /** How many pipelines are running now. */
    synchronized int size() {
        return running.size();
    }

    /** The process ids of every running pipeline's shell and stages. */
    synchronized List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        running.forEach(p -> pids.addAll(p.pids()));
        return pids;
    }

    @Override
    public synchronized void close() {
        closed = true;
        running.forEach(ApertiumPipeline::close);
        running.clear();
        idle.clear();
    }

    /** A healthy idle pipeline, or a new one; the caller holds a turn, so there are never more than the bound. */
    private ApertiumPipeline take() throws IOException {
        synchronized (this) {
            if (closed) throw new IOException("the " + pair + " pipelines are closed");
            ApertiumPipeline pipeline;
            while ((pipeline = idle.pollFirst()) != null) {
                if (pipeline.isHealthy()) return pipeline;
                pipeline.close();   // died while idle, or printed something unasked
                running.remove(pipeline);
            }
        }
        ApertiumPipeline started = ApertiumPipeline.start(pair, shellPipeline, environment);   // outside the lock: forks
        synchronized (this) {
            if (closed) {
                started.close();
                throw new IOException("the " + pair + " pipelines are closed");
            }
            running.add(started);
        }
        return started;
    }

    private synchronized void giveBack(ApertiumPipeline pipeline, boolean fine) {
        if (fine && !closed) {
            idle.addFirst(pipeline);   // the most recently used first: its pages are warm
        } else {
            pipeline.close();
            running.remove(pipeline);
        }
    }
}
