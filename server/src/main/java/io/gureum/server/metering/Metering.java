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
        usage.record(new UsageRecord(key.projectId(), key.id(), service.scope(), operation, units, service.unit().wireName(),
                (int) HttpMetrics.elapsedMillis(ctx), status, clock.instant()));
    }
}
