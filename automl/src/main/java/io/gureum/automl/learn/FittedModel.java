package io.gureum.automl.learn;

import io.gureum.automl.features.FeatureMatrix;

/** A trained model over features. Predictions: a row per example of class probabilities, or one value. */
public interface FittedModel extends AutoCloseable {
    String family();

    double[][] predict(FeatureMatrix x);

    /** Boosting rounds (trees per class) it uses: the best round when early-stopped; 0 where it has no rounds. */
    int rounds();

    /** Importance of each feature (any non-negative scale). */
    double[] importance();

    /** The model alone, in {@link FittedModels}' format. */
    byte[] toBytes();

    @Override
    void close();
}
