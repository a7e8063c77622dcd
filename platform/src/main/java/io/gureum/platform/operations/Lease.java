package io.gureum.platform.operations;

/**
 * One node's claim on one run of an operation. {@code attempt} is the fencing token: every write a
 * worker makes names it, so a node whose lease was taken over can no longer change the row.
 */
record Lease(String operationId, String owner, int attempt) {}
