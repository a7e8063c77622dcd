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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Monthly quotas per key and service, in the service's units, counted in the database so that all
 * nodes share one count. Reserving is one conditional UPDATE, so two nodes can never both take the
 * last units.
 *
 * <p>A node does not go to the database for every call: it reserves a block of units (1% of the
 * quota, at least what the call needs) and spends it in memory, so metering costs no database round
 * trip on the hot path (measured: a connection per call capped throughput). The database count is
 * therefore "spent or reserved": quotas are never exceeded; a key can be refused while up to one
 * block per other node sits reserved there, and a node that crashes loses its unspent block for the
 * rest of the month (the customer gets less, never more). {@link #close()} hands unspent blocks back.
 */
public final class QuotaLedger implements AutoCloseable {
    /** A node reserves this fraction of a quota at a time. */
    private static final long BLOCK_DIVISOR = 100;

    private final Jdbi jdbi;
    private final Clock clock;
    private final Map<Allowance.Key, Allowance> allowances = new ConcurrentHashMap<>();

    public QuotaLedger(Database db, Clock clock) {
        this.jdbi = db.jdbi();
        this.clock = clock;
    }

    /** Units this node reserved in the database and has not spent yet, for one key, service and month. */
    private static final class Allowance {
        record Key(String keyId, String service, String period) {}

        long unspent;
    }

    /**
     * Spends {@code units} of the key's monthly quota for {@code service}, or throws 429 quota_exceeded.
     * Keys without a quota for the service spend nothing.
     */
    public void spend(ApiKey key, String service, long units) {
        Optional<Long> limit = key.quota(service);
        if (limit.isEmpty()) return;
        String period = period();
        Allowance allowance = allowances.computeIfAbsent(new Allowance.Key(key.id(), service, period), k -> new Allowance());
        synchronized (allowance) {
            if (allowance.unspent < units) {
                long block = Math.max(units - allowance.unspent, limit.get() / BLOCK_DIVISOR);
                // autocommit per statement: a failed INSERT must not poison a PostgreSQL transaction
                long reserved = jdbi.withHandle(h -> reserve(h, key.id(), service, period, block, units - allowance.unspent, limit.get()));
                if (reserved < 0) {
                    long used = usedThisMonth(key.id(), service);
                    throw new Problem(429, "quota_exceeded", "Quota exceeded",
                            "This key's monthly quota for '" + service + "' is " + limit.get() + " " + unitName(service)
                                    + "; " + used + " used this month and this request needs " + units + ".",
                            Map.of("retryAfterSeconds", secondsToNextPeriod(), "quota", limit.get(), "used", used));
                }
                allowance.unspent += reserved;
            }
            allowance.unspent -= units;
        }
    }

    /** Gives units back when the work they paid for did not happen. */
    public void refund(ApiKey key, String service, long units) {
        if (key.quota(service).isEmpty() || units == 0) return;
        Allowance allowance = allowances.get(new Allowance.Key(key.id(), service, period()));
        if (allowance == null) return;
        synchronized (allowance) {
            allowance.unspent += units;
        }
    }

    /** Units spent this month: the database count less what this node holds reserved but unspent. */
    public long usedThisMonth(String keyId, String service) {
        String period = period();
        long counted = jdbi.withHandle(h -> h.createQuery("SELECT used FROM quota_usage WHERE key_id = :k AND service = :s AND period = :p")
                .bind("k", keyId).bind("s", service).bind("p", period).mapTo(Long.class).findOne().orElse(0L));
        Allowance allowance = allowances.get(new Allowance.Key(keyId, service, period));
        return allowance == null ? counted : counted - allowance.unspent;
    }

    public long secondsToNextPeriod() {
        Instant now = clock.instant();
        Instant next = YearMonth.from(now.atZone(ZoneOffset.UTC)).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return Math.max(1, Duration.between(now, next).toSeconds());
    }

    /** Hands every unspent reservation back to the shared count (shutdown). */
    @Override
    public void close() {
        allowances.forEach((k, allowance) -> {
            synchronized (allowance) {
                if (allowance.unspent > 0) {
                    long back = allowance.unspent;
                    jdbi.useHandle(h -> h.createUpdate("UPDATE quota_usage SET used = used - :u WHERE key_id = :k AND service = :s AND period = :p AND used >= :u")
                            .bind("u", back).bind("k", k.keyId()).bind("s", k.service()).bind("p", k.period()).execute());
                    allowance.unspent = 0;
                }
            }
        });
    }

    /** Reserves {@code block} units, or only {@code needed} when the block no longer fits; -1 when not even those fit. */
    private static long reserve(Handle h, String keyId, String service, String period, long block, long needed, long limit) {
        if (block > needed && trySpend(h, keyId, service, period, block, limit) >= 0) return block;
        return trySpend(h, keyId, service, period, needed, limit) >= 0 ? needed : -1;
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
