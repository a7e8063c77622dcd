package io.gureum.automl;

import java.util.List;

/**
 * Caruana et al.'s ensemble selection: start from the best model and repeatedly add (with replacement) the model
 * whose addition most improves the metric of the averaged out-of-fold predictions. The weights are how often each
 * was added; it is a non-negative blend that sums to 1 and rarely overfits because it only ever averages.
 */
final class EnsembleSelection {
    static final int STEPS = 25;

    private EnsembleSelection() {}

    /** Weights (summing to 1) over {@code oofs}, chosen on {@code rows} (all rows when null). */
    static double[] select(List<double[][]> oofs, double[] y, Metric metric, int[] rows) {
        int m = oofs.size();
        int[] idx = rows != null ? rows : java.util.stream.IntStream.range(0, y.length).toArray();
        int width = oofs.get(0)[idx[0]].length;
        int[] counts = new int[m];
        double[][] sum = new double[y.length][];
        for (int i : idx) sum[i] = new double[width];
        double bestScore = Double.NaN;
        int[] bestCounts = null;
        for (int step = 1; step <= STEPS; step++) {
            int pick = -1;
            double pickScore = Double.NaN;
            for (int c = 0; c < m; c++) {
                double[][] trial = new double[y.length][];
                for (int i : idx) {
                    trial[i] = new double[width];
                    for (int k = 0; k < width; k++) trial[i][k] = (sum[i][k] + oofs.get(c)[i][k]) / step;
                }
                double s = metric.compute(trial, y, idx);
                if (pick < 0 || metric.better(s, pickScore)) { pick = c; pickScore = s; }
            }
            counts[pick]++;
            for (int i : idx) for (int k = 0; k < width; k++) sum[i][k] += oofs.get(pick)[i][k];
            if (bestCounts == null || metric.better(pickScore, bestScore)) { bestScore = pickScore; bestCounts = counts.clone(); }
        }
        double total = 0;
        for (int c : bestCounts) total += c;
        double[] weights = new double[m];
        for (int c = 0; c < m; c++) weights[c] = bestCounts[c] / total;
        return weights;
    }

    /** The weighted average of predictions. */
    static double[][] blend(List<double[][]> oofs, double[] weights) {
        int n = oofs.get(0).length;
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            int width = oofs.get(0)[i].length;
            out[i] = new double[width];
            for (int c = 0; c < oofs.size(); c++) {
                if (weights[c] == 0) continue;
                for (int k = 0; k < width; k++) out[i][k] += weights[c] * oofs.get(c)[i][k];
            }
        }
        return out;
    }
}
