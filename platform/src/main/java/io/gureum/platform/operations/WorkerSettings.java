package io.gureum.platform.operations;

import java.time.Duration;
import java.util.Objects;

/**
 * How one node runs operations.
 *
 * @param nodeId       names this node in leases; unique per process
 * @param threads      operations run at once on this node
 * @param lease        how long a claim lasts without a heartbeat; a crashed node's work waits this long
 * @param pollInterval how often idle workers look for work
 * @param maxAttempts  runs before an operation that keeps failing is given up (set on its first claim)
 * @param retryBackoff wait before the first retry, doubled for each further one (webhook retries too)
 */
public record WorkerSettings(String nodeId, int threads, Duration lease, Duration pollInterval, int maxAttempts,
                             Duration retryBackoff) {
    public WorkerSettings {
        Objects.requireNonNull(nodeId, "nodeId");
        if (nodeId.isBlank() || nodeId.length() > 200) throw new IllegalArgumentException("nodeId must be 1-200 characters");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        if (lease.toMillis() < 30) throw new IllegalArgumentException("lease must be at least 30 ms");
        if (pollInterval.isNegative() || pollInterval.isZero()) throw new IllegalArgumentException("pollInterval must be positive");
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        if (retryBackoff.isNegative()) throw new IllegalArgumentException("retryBackoff must not be negative");
    }

    public static WorkerSettings defaults(String nodeId) {
        return new WorkerSettings(nodeId, 2, Duration.ofSeconds(60), Duration.ofMillis(500), 3, Duration.ofSeconds(5));
    }
}
