package io.gureum.platform.operations;

import io.gureum.platform.db.SqlTimes;
import io.gureum.platform.db.Database;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The API side of the {@code operations} table: insert, look up, list, cancel. Workers use {@link LeaseStore}. */
final class OperationStore {
    /** What a new row needs; everything else starts empty. */
    record NewRow(String id, String projectId, String kind, String idempotencyKey, String requestSha256,
                  String inputKey, String webhookUrl, Instant now) {}

    /** An existing operation found by idempotency key, with the hash of the request that created it. */
    record Keyed(Operation operation, String requestSha256) {}

    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;

    OperationStore(Database db) {
        this.jdbi = db.jdbi();
    }

    /** Inserts a queued row; false when another row already holds its (project, idempotency key). */
    boolean insert(NewRow row) {
        try {
            jdbi.useHandle(h -> h.createUpdate("""
                            INSERT INTO operations (id, project_id, kind, status, progress, attempts, next_attempt_at,
                                idempotency_key, request_sha256, input_key, webhook_url, webhook_attempts, created_at, updated_at)
                            VALUES (:id, :projectId, :kind, 'queued', 0, 0, :now,
                                :idempotencyKey, :sha, :inputKey, :webhookUrl, 0, :now, :now)""")
                    .bind("id", row.id()).bind("projectId", row.projectId()).bind("kind", row.kind())
                    .bind("now", SqlTimes.at(row.now()))
                    .bind("idempotencyKey", row.idempotencyKey()).bind("sha", row.requestSha256())
                    .bind("inputKey", row.inputKey()).bind("webhookUrl", row.webhookUrl())
                    .execute());
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (row.idempotencyKey() != null && isUniqueViolation(e)) return false;
            throw e;
        }
    }

    Optional<Operation> find(String projectId, String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + OperationRows.COLUMNS
                        + " FROM operations WHERE id = :id AND project_id = :projectId")
                .bind("id", id).bind("projectId", projectId)
                .map((rs, ctx) -> OperationRows.map(rs)).findOne());
    }

    Optional<Keyed> findByIdempotencyKey(String projectId, String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + OperationRows.COLUMNS
                        + ", request_sha256 FROM operations WHERE project_id = :projectId AND idempotency_key = :key")
                .bind("projectId", projectId).bind("key", key)
                .map((rs, ctx) -> new Keyed(OperationRows.map(rs), rs.getString("request_sha256"))).findOne());
    }

    List<Operation> list(String projectId, Optional<OperationStatus> status, int limit) {
        String where = status.isPresent() ? " AND status = :status" : "";
        return jdbi.withHandle(h -> {
            var query = h.createQuery("SELECT " + OperationRows.COLUMNS + " FROM operations WHERE project_id = :projectId"
                            + where + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                    .bind("projectId", projectId).bind("limit", limit);
            status.ifPresent(s -> query.bind("status", s.wire()));
            return query.map((rs, ctx) -> OperationRows.map(rs)).list();
        });
    }

    /** The result blob's key, present only for a succeeded operation of this project. */
    Optional<String> resultKey(String projectId, String id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT result_key FROM operations
                        WHERE id = :id AND project_id = :projectId AND status = 'succeeded' AND result_key IS NOT NULL""")
                .bind("id", id).bind("projectId", projectId)
                .mapTo(String.class).findOne());
    }

    /** Cancels a queued or running operation; false when there is none or it has already ended. */
    boolean cancel(String projectId, String id, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE operations SET status = 'canceled', " + LeaseStore.TERMINAL_SET
                        + " WHERE id = :id AND project_id = :projectId AND status IN ('queued', 'running')")
                .bind("id", id).bind("projectId", projectId).bind("now", SqlTimes.at(now))
                .execute()) == 1;
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) return true;
        }
        return false;
    }
}
