package io.gureum.platform.bots;

import java.time.Instant;

/**
 * A trained, immutable version of a bot: the definition it was trained on and its model, in the blob store.
 *
 * @param modelCard JSON: training data size, metrics, model and settings
 */
public record BotVersion(String projectId, String botId, int version, String definitionKey, String definitionSha256, String modelKey,
                         String modelCard, Instant createdAt) {}
