package io.gureum.platform.operations;

import io.gureum.platform.db.SqlTimes;
import io.gureum.platform.db.Database;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Webhook delivery state, kept on the operation's row so it survives restarts and any node can
 * deliver. A node claims a due delivery by moving {@code webhook_next_at} past the time a send can
 * take (compare-and-set on the attempt count); if it dies mid-send, the delivery falls due again.
 */
final class WebhookOutbox {
    /** A delivery that is due, as seen before claiming it. */
    record Due(String operationId, int attempts) {}

    /** What one send needs: the ended operation, where to send it and the key to sign it with. */
    record Delivery(Operation operation, String url, String secret) {}

    private final Jdbi jdbi;

    WebhookOutbox(Database db) {
        this.jdbi = db.jdbi();
    }

    List<Due> due(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, webhook_attempts FROM operations
                        WHERE webhook_state = 'pending' AND webhook_next_at <= :now
                        ORDER BY webhook_next_at LIMIT :limit""")
                .bind("now", SqlTimes.at(now)).bind("limit", limit)
                .map((rs, ctx) -> new Due(rs.getString("id"), rs.getInt("webhook_attempts"))).list());
    }

    /** Claims the delivery until {@code until}; true when this caller now owns attempt {@code due.attempts() + 1}. */
    boolean claim(Due due, Instant now, Instant until) {
        try {
            return jdbi.withHandle(h -> h.createUpdate("""
                            UPDATE operations SET webhook_attempts = :next, webhook_next_at = :until
                            WHERE id = :id AND webhook_state = 'pending' AND webhook_attempts = :seen AND webhook_next_at <= :now""")
                    .bind("next", due.attempts() + 1).bind("until", SqlTimes.at(until))
                    .bind("id", due.operationId()).bind("seen", due.attempts()).bind("now", SqlTimes.at(now))
                    .execute()) == 1;
        } catch (RuntimeException e) {
            return false;   // H2 may report a concurrent claim as an error; someone else has it
        }
    }

    Optional<Delivery> load(String operationId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT o.*, p.webhook_secret FROM operations o JOIN projects p ON p.id = o.project_id WHERE o.id = :id")
                .bind("id", operationId)
                .map((rs, ctx) -> new Delivery(OperationRows.map(rs), rs.getString("webhook_url"), rs.getString("webhook_secret")))
                .findOne());
    }

    void delivered(String operationId, int attempt) {
        finish(operationId, attempt, "delivered", null);
    }

    void failed(String operationId, int attempt) {
        finish(operationId, attempt, "failed", null);
    }

    void retryAt(String operationId, int attempt, Instant next) {
        finish(operationId, attempt, "pending", next);
    }

    /** Fenced on the attempt, so a node whose claim timed out cannot overwrite a newer attempt's outcome. */
    private void finish(String operationId, int attempt, String state, Instant nextAt) {
        jdbi.useHandle(h -> {
            var update = h.createUpdate("UPDATE operations SET webhook_state = :state, webhook_next_at = "
                            + (nextAt == null ? "NULL" : ":nextAt")
                            + " WHERE id = :id AND webhook_state = 'pending' AND webhook_attempts = :attempt")
                    .bind("state", state).bind("id", operationId).bind("attempt", attempt);
            if (nextAt != null) update.bind("nextAt", SqlTimes.at(nextAt));
            update.execute();
        });
    }
}
