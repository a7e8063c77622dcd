package io.gureum.platform.limits;

import io.gureum.core.Problem;
import io.gureum.platform.db.Database;
import io.gureum.platform.keys.ApiKey;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * Monthly quotas per key and service, in the service's units, counted in the database so that all
 * nodes share one count. The check and the increment are one conditional UPDATE: two concurrent
 * requests can never both spend the last units.
 */
public final class QuotaLedger {
    private final Jdbi jdbi;
    private final Clock clock;

    public QuotaLedger(Database db, Clock clock) {
        this.jdbi = db.jdbi();
        this.clock = clock;
    }

    /**
     * Spends {@code units} of the key's monthly quota for {@code service}, or throws 429 quota_exceeded.
     * Keys without a quota for the service spend nothing and get an empty result.
     */
    public Optional<QuotaState> spend(ApiKey key, String service, long units) {
        Optional<Long> limit = key.quota(service);
        if (limit.isEmpty()) return Optional.empty();
        String period = period();
        // autocommit per statement: a failed INSERT must not poison a PostgreSQL transaction
        long used = jdbi.withHandle(h -> trySpend(h, key.id(), service, period, units, limit.get()));
        if (used < 0) {
            long current = usedThisMonth(key.id(), service);
            throw new Problem(429, "quota_exceeded", "Quota exceeded",
                    "This key's monthly quota for '" + service + "' is " + limit.get() + " " + unitName(service)
                            + "; " + current + " used this month and this request needs " + units + ".",
                    Map.of("retryAfterSeconds", secondsToNextPeriod(), "quota", limit.get(), "used", current));
        }
        return Optional.of(new QuotaState(limit.get(), used));
    }

    /** Gives units back when the work they paid for did not happen (a server-side failure). */
    public void refund(ApiKey key, String service, long units) {
        if (key.quota(service).isEmpty() || units == 0) return;
        jdbi.useHandle(h -> h.createUpdate("UPDATE quota_usage SET used = used - :u WHERE key_id = :k AND service = :s AND period = :p AND used >= :u")
                .bind("u", units).bind("k", key.id()).bind("s", service).bind("p", period()).execute());
    }

    public long usedThisMonth(String keyId, String service) {
        return jdbi.withHandle(h -> h.createQuery("SELECT used FROM quota_usage WHERE key_id = :k AND service = :s AND period = :p")
                .bind("k", keyId).bind("s", service).bind("p", period()).mapTo(Long.class).findOne().orElse(0L));
    }

    public long secondsToNextPeriod() {
        Instant now = clock.instant();
        Instant next = YearMonth.from(now.atZone(ZoneOffset.UTC)).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return Math.max(1, Duration.between(now, next).toSeconds());
    }

    /** Returns the new used total, or -1 when the units do not fit. */
    private static long trySpend(Handle h, String keyId, String service, String period, long units, long limit) {
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated = h.createUpdate("""
                            UPDATE quota_usage SET used = used + :u
                            WHERE key_id = :k AND service = :s AND period = :p AND used + :u <= :limit""")
                    .bind("u", units).bind("k", keyId).bind("s", service).bind("p", period).bind("limit", limit).execute();
            if (updated == 1) {
                return h.createQuery("SELECT used FROM quota_usage WHERE key_id = :k AND service = :s AND period = :p")
                        .bind("k", keyId).bind("s", service).bind("p", period).mapTo(Long.class).one();
            }
            boolean exists = h.createQuery("SELECT COUNT(*) FROM quota_usage WHERE key_id = :k AND service = :s AND period = :p")
                    .bind("k", keyId).bind("s", service).bind("p", period).mapTo(Integer.class).one() > 0;
            if (exists || units > limit) return -1;
            try {
                h.createUpdate("INSERT INTO quota_usage (key_id, service, period, used) VALUES (:k, :s, :p, :u)")
                        .bind("k", keyId).bind("s", service).bind("p", period).bind("u", units).execute();
                return units;
            } catch (UnableToExecuteStatementException raced) {
                // another request created the row first; loop and take the UPDATE path
            }
        }
        return -1;
    }

    private String period() {
        return YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).toString();
    }

    private static String unitName(String service) {
        return io.gureum.core.Service.byScope(service).map(s -> s.unit().wireName()).orElse("units");
    }
}
