package io.gureum.platform.operations;

import io.gureum.platform.db.SqlTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * The context of one run on this node. It learns that the run should stop (canceled, or the lease
 * taken over) whenever a fenced write touches no row: at a progress write, at a heartbeat, or at a
 * throttled check from {@link #canceled()}.
 */
final class RunningOperation implements OperationContext {
    private static final Logger log = LoggerFactory.getLogger(RunningOperation.class);
    /** Progress writes and cancel checks hit the database at most this often per operation. */
    static final long THROTTLE_NANOS = Duration.ofMillis(200).toNanos();

    private final Claimed claimed;
    private final byte[] input;
    private final LeaseStore leases;
    private final Clock clock;
    private volatile boolean stopped;
    private volatile long lastProgressWrite;
    private volatile long lastCheck;

    RunningOperation(Claimed claimed, byte[] input, LeaseStore leases, Clock clock) {
        this.claimed = claimed;
        this.input = input;
        this.leases = leases;
        this.clock = clock;
        long now = System.nanoTime();
        this.lastProgressWrite = now - THROTTLE_NANOS;
        this.lastCheck = now;
    }

    Claimed claimed() { return claimed; }

    @Override public String operationId() { return claimed.id(); }
    @Override public String projectId() { return claimed.projectId(); }
    @Override public byte[] input() { return input; }
    @Override public int attempt() { return claimed.attempt(); }

    @Override
    public void progress(double fraction) {
        if (Double.isNaN(fraction) || stopped) return;
        long now = System.nanoTime();
        if (now - lastProgressWrite < THROTTLE_NANOS) return;
        lastProgressWrite = now;
        lastCheck = now;
        try {
            if (!leases.progress(claimed.lease(), Math.max(0, Math.min(1, fraction)), SqlTimes.now(clock))) stopped = true;
        } catch (RuntimeException e) {
            // Progress is advisory; a database hiccup must not fail the work itself.
            log.debug("progress of operation {} not saved: {}", claimed.id(), e.toString());
        }
    }

    @Override
    public boolean canceled() {
        if (stopped) return true;
        long now = System.nanoTime();
        if (now - lastCheck >= THROTTLE_NANOS) {
            lastCheck = now;
            try {
                if (!leases.stillOwned(claimed.lease())) stopped = true;
            } catch (RuntimeException e) {
                log.debug("cancel check of operation {} failed: {}", claimed.id(), e.toString());
            }
        }
        return stopped;
    }

    /** Extends the lease; called by the node's heartbeat while the handler runs. */
    void renew(Duration lease) {
        if (stopped) return;
        if (!leases.renew(claimed.lease(), SqlTimes.now(clock).plus(lease))) stopped = true;
    }
}
