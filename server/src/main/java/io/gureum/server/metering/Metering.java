package io.gureum.server.metering;

import io.gureum.core.Problem;
import io.gureum.core.Service;
import io.gureum.platform.keys.ApiKey;
import io.gureum.platform.limits.QuotaLedger;
import io.gureum.platform.usage.UsageRecord;
import io.gureum.platform.usage.UsageRecorder;
import io.gureum.server.http.HttpMetrics;
import io.javalin.http.Context;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * Wraps a billable call: spends the key's monthly quota first (429 when it would be exceeded), runs the
 * work, records usage with its outcome, and gives the units back when the call did not succeed.
 */
public final class Metering {
    private final QuotaLedger quotas;
    private final UsageRecorder usage;
    private final Clock clock;

    public Metering(QuotaLedger quotas, UsageRecorder usage, Clock clock) {
        this.quotas = quotas;
        this.usage = usage;
        this.clock = clock;
    }

    /** The outcome a metered call reports: what to return and the HTTP status it will have. */
    public record Outcome<T>(T value, int status, boolean billable) {}

    public <T> T meter(Context ctx, ApiKey key, Service service, String operation, long units, Supplier<Outcome<T>> work) {
        quotas.spend(key, service.scope(), units);
        try {
            Outcome<T> outcome = work.get();
            if (!outcome.billable()) quotas.refund(key, service.scope(), units);
            record(ctx, key, service, operation, outcome.billable() ? units : 0, outcome.status());
            return outcome.value();
        } catch (Problem p) {
            quotas.refund(key, service.scope(), units); // only successful calls spend quota
            record(ctx, key, service, operation, units, p.status());
            throw p;
        } catch (RuntimeException e) {
            quotas.refund(key, service.scope(), units);
            record(ctx, key, service, operation, units, 500);
            throw e;
        }
    }

    private void record(Context ctx, ApiKey key, Service service, String operation, long units, int status) {
        record(key, service, operation, units, (int) HttpMetrics.elapsedMillis(ctx), status);
    }

    private void record(ApiKey key, Service service, String operation, long units, int latencyMs, int status) {
        usage.record(new UsageRecord(key.projectId(), key.id(), service.scope(), operation, units, service.unit().wireName(),
                latencyMs, status, clock.instant()));
    }

    /**
     * Starts metering work whose size shows only as it goes (a live audio stream): quota is spent ahead in
     * blocks as the work grows, so a stream stops when the quota runs out, and the unused rest is given back
     * when it ends.
     *
     * @throws Problem 429 when the quota has no room for the first block
     */
    public Reservation reserve(ApiKey key, Service service, String operation, long block) {
        Reservation r = new Reservation(key, service, operation, block, System.nanoTime());
        r.cover(1);
        return r;
    }

    /** Quota spent ahead for one piece of growing work; see {@link #reserve}. Not thread-safe. */
    public final class Reservation {
        private final ApiKey key;
        private final Service service;
        private final String operation;
        private final long block;
        private final long startNanos;
        private long reserved;
        private boolean settled;

        private Reservation(ApiKey key, Service service, String operation, long block, long startNanos) {
            this.key = key;
            this.service = service;
            this.operation = operation;
            this.block = block;
            this.startNanos = startNanos;
        }

        /**
         * Makes sure {@code units} are covered, spending another block when they are not.
         *
         * @throws Problem 429 when the quota has no room for them
         */
        public void cover(long units) {
            if (units <= reserved) return;
            long more = ((units - reserved + block - 1) / block) * block;
            quotas.spend(key, service.scope(), more);
            reserved += more;
        }

        /** Ends the work: gives back what was reserved but not used, and records the usage once. */
        public void settle(long used, int status) {
            if (settled) return;
            settled = true;
            long billed = Math.min(used, reserved);
            if (reserved > billed) quotas.refund(key, service.scope(), reserved - billed);
            record(key, service, operation, billed, (int) ((System.nanoTime() - startNanos) / 1_000_000), status);
        }
    }
}
