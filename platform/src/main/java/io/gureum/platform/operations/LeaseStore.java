package io.gureum.platform.operations;

import io.gureum.platform.db.SqlTimes;
import io.gureum.platform.db.Database;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The worker side of the {@code operations} table. Every state change is a compare-and-set UPDATE
 * whose row count says whether it happened, so any number of threads and nodes can share one
 * database with no locks held across work: claims race on (status, attempts, times), and a running
 * operation's writes are fenced by (status = running, lease owner, attempt).
 */
final class LeaseStore {
    /** Columns every move to a terminal status sets; webhooks become due when the operation has one. */
    static final String TERMINAL_SET = "completed_at = :now, updated_at = :now, lease_expires_at = NULL, "
            + "webhook_state = CASE WHEN webhook_url IS NULL THEN NULL ELSE 'pending' END, webhook_next_at = :now";

    private static final String FENCE = " WHERE id = :id AND status = 'running' AND lease_owner = :owner AND attempts = :attempt";

    private static final String CLAIMABLE = "((status = 'queued' AND next_attempt_at <= :now) "
            + "OR (status = 'running' AND lease_expires_at < :now))";

    private record Candidate(String id, String projectId, String kind, String inputKey, int attempts, Integer maxAttempts) {}

    private final Jdbi jdbi;

    LeaseStore(Database db) {
        this.jdbi = db.jdbi();
    }

    /**
     * Claims one due operation of these kinds: queued and past its backoff, or running with an expired
     * lease (its node died). Candidates are tried in random order so that threads polling together
     * mostly pick different rows instead of all racing for the first.
     */
    Optional<Claimed> claimNext(Collection<String> kinds, String owner, int defaultMaxAttempts, Instant now,
                                Instant leaseUntil, int batch) {
        List<Candidate> candidates = new ArrayList<>(jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, project_id, kind, input_key, attempts, max_attempts FROM operations WHERE kind IN (<kinds>) AND "
                                + CLAIMABLE + " ORDER BY next_attempt_at LIMIT :batch")
                .bindList("kinds", List.copyOf(kinds))
                .bind("now", SqlTimes.at(now)).bind("batch", batch)
                .map((rs, ctx) -> new Candidate(rs.getString("id"), rs.getString("project_id"), rs.getString("kind"),
                        rs.getString("input_key"), rs.getInt("attempts"), rs.getObject("max_attempts", Integer.class)))
                .list()));
        Collections.shuffle(candidates);
        for (Candidate c : candidates) {
            int maxAttempts = c.maxAttempts() == null ? defaultMaxAttempts : c.maxAttempts();
            if (claim(c, owner, maxAttempts, now, leaseUntil)) {
                return Optional.of(new Claimed(new Lease(c.id(), owner, c.attempts() + 1), c.projectId(), c.kind(),
                        c.inputKey(), maxAttempts));
            }
        }
        return Optional.empty();
    }

    /** Progress goes back to 0: every run, a retry or a take-over, starts the work from scratch. */
    private boolean claim(Candidate c, String owner, int maxAttempts, Instant now, Instant leaseUntil) {
        try {
            return jdbi.withHandle(h -> h.createUpdate("""
                            UPDATE operations SET status = 'running', attempts = :next, max_attempts = :maxAttempts, progress = 0,
                                lease_owner = :owner, lease_expires_at = :leaseUntil, updated_at = :now
                            WHERE id = :id AND attempts = :seen AND """ + CLAIMABLE)
                    .bind("next", c.attempts() + 1).bind("maxAttempts", maxAttempts).bind("owner", owner)
                    .bind("leaseUntil", SqlTimes.at(leaseUntil)).bind("now", SqlTimes.at(now))
                    .bind("id", c.id()).bind("seen", c.attempts())
                    .execute()) == 1;
        } catch (RuntimeException e) {
            // H2 may report a concurrent update of the same row as an error instead of a zero count:
            // either way another worker got there first.
            return false;
        }
    }

    /** Extends the lease (heartbeat); false when the operation is no longer this run's (canceled or taken over). */
    boolean renew(Lease lease, Instant until) {
        return fenced(lease, "UPDATE operations SET lease_expires_at = :until" + FENCE, u -> u.bind("until", SqlTimes.at(until)));
    }

    boolean progress(Lease lease, double fraction, Instant now) {
        return fenced(lease, "UPDATE operations SET progress = :progress, updated_at = :now" + FENCE,
                u -> u.bind("progress", fraction).bind("now", SqlTimes.at(now)));
    }

    /** True while the row is still running under this lease. */
    boolean stillOwned(Lease lease) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM operations" + FENCE)
                .bind("id", lease.operationId()).bind("owner", lease.owner()).bind("attempt", lease.attempt())
                .mapTo(Integer.class).one()) == 1;
    }

    boolean succeed(Lease lease, String resultKey, Instant now) {
        return fenced(lease, "UPDATE operations SET status = 'succeeded', progress = 1, result_key = :resultKey, "
                        + TERMINAL_SET + FENCE,
                u -> u.bind("resultKey", resultKey).bind("now", SqlTimes.at(now)));
    }

    boolean fail(Lease lease, OperationError error, Instant now) {
        return fenced(lease, "UPDATE operations SET status = 'failed', error_code = :code, error_message = :message, "
                        + TERMINAL_SET + FENCE,
                u -> u.bind("code", error.code()).bind("message", error.message()).bind("now", SqlTimes.at(now)));
    }

    /** Puts the operation back in the queue for another attempt after {@code nextAttemptAt}. */
    boolean requeue(Lease lease, Instant nextAttemptAt, Instant now) {
        return fenced(lease, "UPDATE operations SET status = 'queued', lease_owner = NULL, lease_expires_at = NULL, "
                        + "next_attempt_at = :next, updated_at = :now" + FENCE,
                u -> u.bind("next", SqlTimes.at(nextAttemptAt)).bind("now", SqlTimes.at(now)));
    }

    private boolean fenced(Lease lease, String sql, Consumer<Update> binder) {
        return jdbi.withHandle(h -> {
            Update update = h.createUpdate(sql)
                    .bind("id", lease.operationId()).bind("owner", lease.owner()).bind("attempt", lease.attempt());
            binder.accept(update);
            return update.execute();
        }) == 1;
    }
}
