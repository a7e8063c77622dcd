package io.gureum.automl.learn;

import io.gureum.automl.features.FeatureMatrix;

/** Mean and scale per feature over the non-missing values; standardised values, missing ones at the mean (0). */
final class Standardiser {
    private Standardiser() {}

    static void fit(FeatureMatrix x, double[] mean, double[] scale) {
        int n = x.rows(), d = x.cols();
        long[] count = new long[d];
        double[] m2 = new double[d];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < d; p++) {
                float v = x.values()[i * d + p];
                if (Float.isNaN(v)) continue;
                count[p]++;
                double delta = v - mean[p];
                mean[p] += delta / count[p];
                m2[p] += delta * (v - mean[p]);
            }
        }
        for (int p = 0; p < d; p++) {
            double sd = count[p] > 1 ? Math.sqrt(m2[p] / (count[p] - 1)) : 0;
            scale[p] = sd > 1e-12 ? sd : Double.POSITIVE_INFINITY; // a constant feature becomes 0
        }
    }

    static double[] apply(FeatureMatrix x, double[] mean, double[] scale) {
        int n = x.rows(), d = x.cols();
        double[] z = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < d; p++) {
                float v = x.values()[i * d + p];
                z[i * d + p] = Float.isNaN(v) ? 0 : Math.max(-10, Math.min(10, (v - mean[p]) / scale[p]));
            }
        }
        return z;
    }
}
