package io.gureum.platform.automl;

import java.time.Instant;

/**
 * A saved AutoML model: the scoring artifact in the blob store and its model card.
 *
 * @param entryId the leaderboard entry it came from
 */
public record StoredModel(String projectId, String modelId, String experimentId, String entryId, String blobKey, long bytes, String cardJson,
                          Instant createdAt) {}
