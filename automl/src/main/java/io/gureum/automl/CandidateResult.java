package io.gureum.automl;

import io.gureum.automl.learn.Learner;

import java.util.Map;

/**
 * A model that went through every fold: its settings, out-of-fold predictions (a row per target row), the rounds
 * each fold's model kept, time and size figures, and the importance of each source column.
 */
record CandidateResult(String modelId, Learner learner, double[][] oof, int[] foldRounds, long trainingMillis,
                       double predictionMicrosPerRow, long sizeBytes, Map<String, Double> columnImportance) {
    /** Rounds for the model refitted on all rows: the folds' mean, scaled up for the larger training set. */
    int refitRounds(int folds) {
        double mean = 0;
        for (int r : foldRounds) mean += r;
        mean /= foldRounds.length;
        return (int) Math.round(mean * (1 + 1.0 / Math.max(1, folds - 1)));
    }
}
