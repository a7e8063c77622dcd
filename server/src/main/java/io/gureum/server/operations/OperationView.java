package io.gureum.server.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.gureum.platform.operations.Operation;
import io.gureum.platform.operations.OperationError;

import java.time.Instant;

/** An operation as the API shows it; {@code result} only once it succeeded. */
public record OperationView(String id, String kind, String status, double progress, int attempts, Instant createdAt,
                            Instant updatedAt, Instant completedAt, JsonNode result, OperationError error) {
    public static OperationView of(Operation op, JsonNode result) {
        return new OperationView(op.id(), op.kind(), op.status().wire(), op.progress(), op.attempts(), op.createdAt(),
                op.updatedAt(), op.completedAt(), result, op.error());
    }

    public static String location(String id) {
        return "/v1/operations/" + id;
    }
}
