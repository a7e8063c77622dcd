package io.gureum.platform.automl;

import java.time.Instant;

/**
 * An AutoML experiment: its request, how far its search has come, and (once ended) its result.
 *
 * @param bestScore  the best cross-validated score so far; null before the first model
 * @param resultJson JSON: leaderboard, feature importance, ending; null until the search ends
 */
public record StoredExperiment(String projectId, String experimentId, String datasetId, String operationId, String specJson,
                               int modelsTrained, Double bestScore, String resultJson, Instant createdAt, Instant updatedAt) {}
