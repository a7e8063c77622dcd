package io.gureum.platform.operations;

/** An operation this node now runs: its lease and what the handler needs. */
record Claimed(Lease lease, String projectId, String kind, String inputKey, int maxAttempts) {
    String id() { return lease.operationId(); }

    int attempt() { return lease.attempt(); }
}
