package io.gureum.platform.operations;

import io.gureum.platform.db.SqlTimes;
import io.gureum.core.Problem;
import io.gureum.platform.blobs.BlobStore;
import io.gureum.platform.db.Database;
import io.gureum.platform.webhooks.WebhookSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Runs operations on this node: {@code threads} loops each claim one due operation (queued, or
 * running under an expired lease), run its handler and record the outcome; a heartbeat renews the
 * leases of running work; one loop delivers webhooks. All state is in the database and blob store,
 * so any number of nodes can run this against one PostgreSQL, and a node that dies loses nothing:
 * its leases expire and another node takes the work over.
 */
public final class OperationWorkers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OperationWorkers.class);
    private static final int MAX_ERROR_MESSAGE = 2000;
    /** Longest close waits for running handlers before interrupting them. */
    private static final Duration MAX_CLOSE_GRACE = Duration.ofSeconds(10);
    private static final byte[] EMPTY_RESULT = "{}".getBytes(StandardCharsets.UTF_8);

    private final LeaseStore leases;
    private final BlobStore blobs;
    private final Map<String, OperationHandler> handlers;
    private final WorkerSettings settings;
    private final Clock clock;
    private final WebhookDispatcher webhooks;
    private final Set<RunningOperation> running = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean closing;
    private ExecutorService workerPool;
    private ScheduledExecutorService heartbeat;
    private Thread webhookThread;

    /**
     * @param webhooks sends webhooks from this node; null when this node should not deliver them
     *                 (another node's workers will)
     */
    public OperationWorkers(Database db, BlobStore blobs, List<OperationHandler> handlers, WorkerSettings settings,
                            WebhookSender webhooks, Clock clock) {
        this.leases = new LeaseStore(db);
        this.blobs = blobs;
        this.handlers = byKind(handlers);
        this.settings = settings;
        this.clock = clock;
        this.webhooks = webhooks == null ? null
                : new WebhookDispatcher(new WebhookOutbox(db), webhooks, clock, settings.retryBackoff(), settings.pollInterval());
    }

    public void start() {
        if (!started.compareAndSet(false, true)) throw new IllegalStateException("already started");
        if (closing) throw new IllegalStateException("already closed");
        String node = settings.nodeId();
        if (!handlers.isEmpty()) {
            workerPool = Executors.newFixedThreadPool(settings.threads(), daemonThreads("gureum-op-" + node + "-"));
            for (int i = 0; i < settings.threads(); i++) workerPool.execute(this::workLoop);
            long every = Math.max(10, settings.lease().toMillis() / 3);
            heartbeat = Executors.newSingleThreadScheduledExecutor(daemonThreads("gureum-op-heartbeat-" + node + "-"));
            heartbeat.scheduleAtFixedRate(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
        }
        if (webhooks != null) {
            webhookThread = daemonThreads("gureum-webhooks-" + node + "-").newThread(webhooks);
            webhookThread.start();
        }
        log.info("operation workers started on node {}: {} threads, kinds {}", node, settings.threads(), handlers.keySet());
    }

    /**
     * Stops claiming, gives running handlers a short grace period (the lease, at most 10 s), then
     * interrupts them. Their results still count if they finish before their lease is taken over;
     * work abandoned here is re-claimed by a node once its lease expires.
     */
    @Override
    public void close() {
        closing = true;
        closed.countDown();
        if (webhooks != null) webhooks.close();
        if (workerPool != null) {
            workerPool.shutdown();
            Duration grace = settings.lease().compareTo(MAX_CLOSE_GRACE) < 0 ? settings.lease() : MAX_CLOSE_GRACE;
            try {
                if (!workerPool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    workerPool.shutdownNow();
                    workerPool.awaitTermination(1, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                workerPool.shutdownNow();
                Thread.currentThread().interrupt();
            }
            // Only now: heartbeats kept the leases of finishing work alive during the grace period.
            heartbeat.shutdownNow();
        }
        if (webhookThread != null) {
            webhookThread.interrupt();
            try {
                webhookThread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void workLoop() {
        while (!closing) {
            try {
                Instant now = SqlTimes.now(clock);
                Optional<Claimed> claimed = leases.claimNext(handlers.keySet(), settings.nodeId(), settings.maxAttempts(),
                        now, now.plus(settings.lease()), settings.threads() * 2);
                if (claimed.isPresent()) {
                    execute(claimed.get());
                } else if (closed.await(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                if (closing) return;
            } catch (RuntimeException e) {
                // Database or blob store trouble: the claimed work (if any) keeps its lease until it expires
                // and is then retried; back off so a dead database is not hammered.
                log.warn("operation worker on node {}: {}", settings.nodeId(), e.toString());
                try {
                    if (closed.await(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) return;
                } catch (InterruptedException ie) {
                    if (closing) return;
                }
            }
        }
    }

    private void execute(Claimed claimed) {
        Lease lease = claimed.lease();
        if (claimed.attempt() > claimed.maxAttempts()) {
            // Only a take-over gets here: every allowed run started and its node stopped before finishing.
            finish(lease, () -> leases.fail(lease, new OperationError("operation_failed", "gave up after "
                    + claimed.maxAttempts() + " attempts: the node running it stopped before finishing"), SqlTimes.now(clock)));
            return;
        }
        Optional<byte[]> input = blobs.get(claimed.inputKey());
        if (input.isEmpty()) {
            finish(lease, () -> leases.fail(lease, new OperationError("operation_failed",
                    "the operation's input is missing from the blob store"), SqlTimes.now(clock)));
            return;
        }
        RunningOperation context = new RunningOperation(claimed, input.get(), leases, clock);
        running.add(context);
        byte[] result;
        try {
            result = handlers.get(claimed.kind()).run(context);
        } catch (Exception | StackOverflowError | LinkageError | AssertionError e) {
            // Errors a handler can cause without the JVM being in trouble count as a failed attempt too.
            if (closing && isInterruption(e)) {
                log.info("operation {} abandoned at shutdown; it is re-claimed once its lease expires", claimed.id());
            } else {
                fail(claimed, e);
            }
            return;
        } finally {
            running.remove(context);
        }
        // Storage trouble from here on is not the handler's fault: it propagates, and the lease expiring retries the run.
        succeed(claimed, result == null ? EMPTY_RESULT : result);
    }

    private void succeed(Claimed claimed, byte[] result) {
        String key = OperationBlobs.resultKey(claimed.id(), claimed.attempt());
        blobs.put(key, result);
        if (!finish(claimed.lease(), () -> leases.succeed(claimed.lease(), key, SqlTimes.now(clock)))) {
            blobs.delete(key);
        }
    }

    private void fail(Claimed claimed, Throwable e) {
        Lease lease = claimed.lease();
        Instant now = SqlTimes.now(clock);
        Problem problem = clientProblem(e);
        if (problem != null) {
            finish(lease, () -> leases.fail(lease, new OperationError(problem.code(), truncate(problem.detail())), now));
        } else if (claimed.attempt() < claimed.maxAttempts()) {
            log.info("operation {} attempt {} of {} failed, retrying: {}", claimed.id(), claimed.attempt(),
                    claimed.maxAttempts(), e.toString());
            Instant next = now.plus(Backoff.after(settings.retryBackoff(), claimed.attempt()));
            finish(lease, () -> leases.requeue(lease, next, now));
        } else {
            log.warn("operation {} failed after {} attempts", claimed.id(), claimed.attempt(), e);
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            finish(lease, () -> leases.fail(lease, new OperationError("operation_failed",
                    truncate("failed after " + claimed.attempt() + " attempts: " + reason)), now));
        }
    }

    /** Runs a fenced write; false (and nothing changed) when the run was canceled or taken over meanwhile. */
    private boolean finish(Lease lease, BooleanSupplier write) {
        boolean done = write.getAsBoolean();
        if (!done) {
            log.info("outcome of operation {} attempt {} discarded: it was canceled or another node took it over",
                    lease.operationId(), lease.attempt());
        } else if (webhooks != null) {
            webhooks.wake();
        }
        return done;
    }

    private void renewLeases() {
        for (RunningOperation op : running) {
            try {
                op.renew(settings.lease());
            } catch (RuntimeException e) {
                log.warn("lease renewal of operation {} failed: {}", op.operationId(), e.toString());
            }
        }
    }

    /** A 4xx Problem anywhere in the cause chain means bad input: retrying cannot help. */
    private static Problem clientProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Problem p) return p.status() >= 400 && p.status() < 500 ? p : null;
        }
        return null;
    }

    private static boolean isInterruption(Throwable e) {
        if (Thread.currentThread().isInterrupted()) return true;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof ClosedByInterruptException) return true;
        }
        return false;
    }

    private static String truncate(String s) {
        if (s == null) return null;
        return s.length() <= MAX_ERROR_MESSAGE ? s : s.substring(0, MAX_ERROR_MESSAGE - 1) + "…";
    }

    private static Map<String, OperationHandler> byKind(List<OperationHandler> handlers) {
        Map<String, OperationHandler> map = new LinkedHashMap<>();
        for (OperationHandler h : handlers) {
            if (map.putIfAbsent(h.kind(), h) != null) throw new IllegalArgumentException("two handlers for kind '" + h.kind() + "'");
        }
        return Map.copyOf(map);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
