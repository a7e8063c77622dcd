package io.gureum.automl.learn;

import io.gureum.automl.Task;
import io.gureum.automl.features.FeatureMatrix;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A regularised linear model on standardised features (missing values imputed with the training mean, the
 * missing indicators carrying the rest): ridge regression solved exactly, logistic or softmax regression with
 * an L2 penalty by full-batch Adam. Family GLM, as H2O calls it.
 */
public record LinearLearner(double l2, int epochs) implements Learner {
    public static LinearLearner defaults() { return new LinearLearner(1e-3, 300); }

    @Override public String family() { return "GLM"; }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("l2", l2);
        p.put("epochs", epochs);
        return p;
    }

    @Override public Learner withRounds(int rounds) { return this; }

    @Override
    public FittedModel fit(TrainingData train, TrainingData valid, LearningTask task, BooleanSupplier stop) {
        FeatureMatrix x = train.x();
        int n = x.rows(), d = x.cols();
        double[] mean = new double[d], scale = new double[d];
        Standardiser.fit(x, mean, scale);
        double[] z = Standardiser.apply(x, mean, scale);
        int k = task.task() == Task.MULTICLASS ? task.classes() : 1;
        double[][] w = new double[k][d + 1];
        if (task.task() == Task.REGRESSION) ridge(z, train.y(), n, d, w[0]);
        else logistic(z, train.y(), n, d, k, task.task() == Task.BINARY, w, stop);
        return new LinearModel(task.task(), mean, scale, w);
    }

    private void ridge(double[] z, double[] y, int n, int d, double[] w) {
        double ym = 0;
        for (double v : y) ym += v / n;
        double[][] a = new double[d][d];
        double[] b = new double[d];
        for (int i = 0; i < n; i++) {
            int base = i * d;
            for (int p = 0; p < d; p++) {
                double zp = z[base + p];
                if (zp == 0) continue;
                b[p] += zp * (y[i] - ym);
                for (int q = 0; q <= p; q++) a[p][q] += zp * z[base + q];
            }
        }
        for (int p = 0; p < d; p++) {
            for (int q = 0; q < p; q++) a[q][p] = a[p][q];
            a[p][p] += l2 * n + 1e-9;
        }
        double[] sol = Cholesky.solve(a, b);
        System.arraycopy(sol, 0, w, 0, d);
        w[d] = ym;
    }

    private void logistic(double[] z, double[] y, int n, int d, int k, boolean binary, double[][] w, BooleanSupplier stop) {
        double rate = 0.05, b1 = 0.9, b2 = 0.999;
        double[][] m = new double[k][d + 1], v = new double[k][d + 1], g = new double[k][d + 1];
        double[] scores = new double[k];
        for (int epoch = 1; epoch <= epochs; epoch++) {
            if (epoch % 25 == 0 && stop.getAsBoolean()) throw new Stopped();
            for (double[] row : g) java.util.Arrays.fill(row, 0);
            for (int i = 0; i < n; i++) {
                int base = i * d;
                for (int c = 0; c < k; c++) {
                    double s = w[c][d];
                    for (int p = 0; p < d; p++) s += w[c][p] * z[base + p];
                    scores[c] = s;
                }
                if (binary) {
                    double err = LinearModel.sigmoid(scores[0]) - y[i];
                    accumulate(g[0], z, base, d, err);
                } else {
                    LinearModel.softmax(scores);
                    for (int c = 0; c < k; c++) accumulate(g[c], z, base, d, scores[c] - (y[i] == c ? 1 : 0));
                }
            }
            for (int c = 0; c < k; c++) {
                for (int p = 0; p <= d; p++) {
                    double grad = g[c][p] / n + (p < d ? l2 * w[c][p] : 0);
                    m[c][p] = b1 * m[c][p] + (1 - b1) * grad;
                    v[c][p] = b2 * v[c][p] + (1 - b2) * grad * grad;
                    double mh = m[c][p] / (1 - Math.pow(b1, epoch)), vh = v[c][p] / (1 - Math.pow(b2, epoch));
                    w[c][p] -= rate * mh / (Math.sqrt(vh) + 1e-8);
                }
            }
        }
    }

    private static void accumulate(double[] g, double[] z, int base, int d, double err) {
        for (int p = 0; p < d; p++) g[p] += err * z[base + p];
        g[d] += err;
    }
}
