package io.gureum.automl;

import java.util.Arrays;
import java.util.List;

/**
 * Scores of predictions against the truth. Predictions are a row per example: class probabilities (classification,
 * classes in the target's order) or one value (regression); the truth is a class index or the value.
 */
public enum Metric {
    /** Area under the ROC curve; for several classes the mean of each class against the rest. */
    AUC(true),
    LOGLOSS(false),
    ACCURACY(true),
    RMSE(false),
    MAE(false),
    R2(true);

    private final boolean higherIsBetter;

    Metric(boolean higherIsBetter) { this.higherIsBetter = higherIsBetter; }

    public boolean higherIsBetter() { return higherIsBetter; }

    /** True when {@code a} is a better score than {@code b}. */
    public boolean better(double a, double b) {
        if (Double.isNaN(b)) return !Double.isNaN(a);
        return higherIsBetter ? a > b : a < b;
    }

    /** The metric as a loss (lower is better), for searches that minimise. */
    public double loss(double score) { return higherIsBetter ? -score : score; }

    public static Metric defaultFor(Task task) {
        return switch (task) {
            case BINARY -> AUC;
            case MULTICLASS -> LOGLOSS;
            case REGRESSION -> RMSE;
        };
    }

    public static List<Metric> forTask(Task task) {
        return task == Task.REGRESSION ? List.of(RMSE, MAE, R2) : List.of(AUC, LOGLOSS, ACCURACY);
    }

    public boolean appliesTo(Task task) { return forTask(task).contains(this); }

    public double compute(double[][] predictions, double[] truth) { return compute(predictions, truth, null); }

    /** The score over the rows in {@code rows} (all rows when null). */
    public double compute(double[][] p, double[] y, int[] rows) {
        int[] idx = rows != null ? rows : java.util.stream.IntStream.range(0, y.length).toArray();
        int n = idx.length;
        switch (this) {
            case AUC: {
                int k = p[idx[0]].length;
                if (k == 2) return auc(p, y, idx, 1);
                double sum = 0;
                int counted = 0;
                for (int c = 0; c < k; c++) {
                    double a = auc(p, y, idx, c);
                    if (!Double.isNaN(a)) { sum += a; counted++; }
                }
                return counted == 0 ? Double.NaN : sum / counted;
            }
            case LOGLOSS: {
                double s = 0;
                for (int i : idx) s -= Math.log(Math.max(1e-15, Math.min(1, p[i][(int) y[i]])));
                return s / n;
            }
            case ACCURACY: {
                long right = 0;
                for (int i : idx) if (argmax(p[i]) == (int) y[i]) right++;
                return (double) right / n;
            }
            case RMSE: {
                double s = 0;
                for (int i : idx) s += sq(p[i][0] - y[i]);
                return Math.sqrt(s / n);
            }
            case MAE: {
                double s = 0;
                for (int i : idx) s += Math.abs(p[i][0] - y[i]);
                return s / n;
            }
            case R2: {
                double mean = 0;
                for (int i : idx) mean += y[i];
                mean /= n;
                double ss = 0, st = 0;
                for (int i : idx) { ss += sq(p[i][0] - y[i]); st += sq(y[i] - mean); }
                return st == 0 ? Double.NaN : 1 - ss / st;
            }
            default: throw new AssertionError(this);
        }
    }

    public static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }

    /** Rank-based AUC of class {@code c} against the rest, ties averaged; NaN when only one side is present. */
    private static double auc(double[][] p, double[] y, int[] idx, int c) {
        int n = idx.length;
        double[] score = new double[n];
        boolean[] pos = new boolean[n];
        long positives = 0;
        for (int j = 0; j < n; j++) {
            score[j] = p[idx[j]][c];
            pos[j] = (int) y[idx[j]] == c;
            if (pos[j]) positives++;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) return Double.NaN;
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) order[j] = j;
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double rankSum = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && score[order[j + 1]] == score[order[i]]) j++;
            double rank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) if (pos[order[t]]) rankSum += rank;
            i = j + 1;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    private static double sq(double v) { return v * v; }
}
