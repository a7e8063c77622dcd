package io.gureum.platform.operations;

import java.time.Instant;

/**
 * A long-running unit of work as callers see it.
 *
 * @param progress    0..1, as last reported by the handler (1 once succeeded)
 * @param attempts    how many times a worker has started it
 * @param completedAt set once the status is terminal
 * @param error       set only when the status is failed
 */
public record Operation(String id, String projectId, String kind, OperationStatus status, double progress, int attempts,
                        Instant createdAt, Instant updatedAt, Instant completedAt, OperationError error) {}
