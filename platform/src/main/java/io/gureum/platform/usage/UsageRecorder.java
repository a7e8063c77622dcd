package io.gureum.platform.usage;

import io.gureum.platform.db.Database;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes usage records in batches from a background thread, so metering costs a request one queue
 * offer instead of a database round trip. A crash can lose at most the last {@link #FLUSH_MILLIS} ms
 * of records; quotas are counted synchronously in {@code QuotaLedger} and are not affected.
 * When the queue is full the caller writes its record itself: metering slows down, it never drops.
 */
public final class UsageRecorder implements AutoCloseable {
    static final long FLUSH_MILLIS = 200;
    private static final int MAX_BATCH = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(UsageRecorder.class);

    private final Jdbi jdbi;
    private final BlockingQueue<UsageRecord> queue = new ArrayBlockingQueue<>(50_000);
    private final Thread writer;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private volatile boolean running = true;

    public UsageRecorder(Database db) {
        this.jdbi = db.jdbi();
        this.writer = new Thread(this::writeLoop, "usage-writer");
        writer.setDaemon(true);
        writer.start();
    }

    public void record(UsageRecord r) {
        accepted.incrementAndGet();
        if (!queue.offer(r)) insert(List.of(r));
    }

    /** Returns once every record accepted before the call is in the database (tests and shutdown). */
    public void flush() {
        long target = accepted.get();
        List<UsageRecord> batch = new ArrayList<>();
        while (queue.drainTo(batch, MAX_BATCH) > 0) {
            insert(batch);
            batch.clear();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (written.get() < target && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5); // the writer thread holds the rest in its current batch
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void writeLoop() {
        List<UsageRecord> batch = new ArrayList<>();
        while (running || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    UsageRecord first = queue.poll(FLUSH_MILLIS, TimeUnit.MILLISECONDS);
                    if (first == null) continue;
                    Thread.sleep(FLUSH_MILLIS / 4); // let a burst accumulate into one batch
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
                insert(batch);
                batch.clear();
            } catch (InterruptedException e) {
                queue.addAll(batch); // close() flushes what is left
                return;
            } catch (RuntimeException e) {
                LOG.error("writing {} usage records failed; retrying in 1 s", batch.size(), e);
                if (!sleepQuietly()) {
                    queue.addAll(batch);
                    return;
                }
            }
        }
    }

    private synchronized void insert(List<UsageRecord> records) {
        jdbi.useHandle(h -> {
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO usage_records (project_id, key_id, service, operation, units, unit, latency_ms, status, usage_day, created_at)
                    VALUES (:projectId, :keyId, :service, :operation, :units, :unit, :latencyMs, :status, :day, :createdAt)""");
            for (UsageRecord r : records) {
                batch.bindMethods(r).bind("day", r.createdAt().atZone(ZoneOffset.UTC).toLocalDate()).add();
            }
            batch.execute();
        });
        written.addAndGet(records.size());
    }

    private static boolean sleepQuietly() {
        try {
            Thread.sleep(1000);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public void close() {
        running = false; // the writer sees it within FLUSH_MILLIS; interrupting it mid-write would abort the write
        try {
            writer.join(FLUSH_MILLIS * 2 + 2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
