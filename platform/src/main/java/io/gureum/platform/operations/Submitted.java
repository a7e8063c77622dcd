package io.gureum.platform.operations;

/** The outcome of a submit: the operation, and whether this call created it (false for an idempotent replay). */
public record Submitted(Operation operation, boolean created) {}
