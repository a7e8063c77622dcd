package io.gureum.platform.operations;

/** Why an operation failed: a stable {@code code} and a message for humans. */
public record OperationError(String code, String message) {}
