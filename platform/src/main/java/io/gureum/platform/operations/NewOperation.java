package io.gureum.platform.operations;

/**
 * A request to run work of {@code kind} on {@code input}.
 *
 * @param idempotencyKey the caller's {@code Idempotency-Key}, or null
 * @param webhookUrl     called once the operation ends, or null; the HTTP layer checks it with
 *                       {@link io.gureum.platform.webhooks.WebhookPolicy} first
 */
public record NewOperation(String projectId, String kind, byte[] input, String idempotencyKey, String webhookUrl) {}
