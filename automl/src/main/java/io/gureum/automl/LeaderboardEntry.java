package io.gureum.automl;

import java.util.List;
import java.util.Map;

/**
 * A row of the leaderboard, with H2O's columns: the model's id and family, its cross-validated score on the
 * experiment's metric and on the task's other metrics, training time (all folds), prediction time per row, size
 * of one fold's model in bytes; plus its settings, and for an ensemble the member ids with their weights.
 */
public record LeaderboardEntry(String modelId, String family, double score, Map<Metric, Double> metrics, long trainingMillis,
                               double predictionMicrosPerRow, long sizeBytes, Map<String, Object> params,
                               List<String> members, List<Double> weights) {
    public LeaderboardEntry {
        metrics = Map.copyOf(metrics);
        params = Map.copyOf(params);
        members = List.copyOf(members);
        weights = List.copyOf(weights);
    }
}
