package io.gureum.automl.learn;

import io.gureum.automl.features.FeatureMatrix;

/** Features and their targets (class index or value), row for row. */
public record TrainingData(FeatureMatrix x, double[] y) {
    public TrainingData {
        if (x.rows() != y.length) throw new IllegalArgumentException(x.rows() + " rows, " + y.length + " targets");
    }

    float[] labels() {
        float[] out = new float[y.length];
        for (int i = 0; i < y.length; i++) out[i] = (float) y[i];
        return out;
    }
}
