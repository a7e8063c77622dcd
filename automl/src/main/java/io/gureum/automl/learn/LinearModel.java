package io.gureum.automl.learn;

import io.gureum.automl.Task;
import io.gureum.automl.features.FeatureMatrix;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Weights over standardised features: one row (binary, regression) or one per class (softmax), bias last. */
final class LinearModel implements FittedModel {
    static final int TAG = 1;
    private final Task task;
    private final double[] mean;
    private final double[] scale;
    private final double[][] w;

    LinearModel(Task task, double[] mean, double[] scale, double[][] w) {
        this.task = task;
        this.mean = mean;
        this.scale = scale;
        this.w = w;
    }

    @Override public String family() { return "GLM"; }
    @Override public int rounds() { return 0; }

    @Override
    public double[][] predict(FeatureMatrix x) {
        double[] z = Standardiser.apply(x, mean, scale);
        int d = mean.length;
        double[][] out = new double[x.rows()][];
        for (int i = 0; i < x.rows(); i++) {
            double[] s = new double[w.length];
            for (int c = 0; c < w.length; c++) {
                double v = w[c][d];
                for (int p = 0; p < d; p++) v += w[c][p] * z[i * d + p];
                s[c] = v;
            }
            if (task == Task.BINARY) {
                double p = sigmoid(s[0]);
                out[i] = new double[]{1 - p, p};
            } else if (task == Task.MULTICLASS) {
                softmax(s);
                out[i] = s;
            } else out[i] = s;
        }
        return out;
    }

    @Override
    public double[] importance() {
        double[] out = new double[mean.length];
        for (double[] row : w) for (int p = 0; p < out.length; p++) out[p] += Math.abs(row[p]);
        return out;
    }

    static double sigmoid(double s) { return 1 / (1 + Math.exp(-s)); }

    static void softmax(double[] s) {
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (double v : s) max = Math.max(max, v);
        for (int c = 0; c < s.length; c++) { s[c] = Math.exp(s[c] - max); sum += s[c]; }
        for (int c = 0; c < s.length; c++) s[c] /= sum;
    }

    @Override
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeInt(TAG);
            out.writeInt(task.ordinal());
            out.writeInt(mean.length);
            out.writeInt(w.length);
            for (int p = 0; p < mean.length; p++) { out.writeDouble(mean[p]); out.writeDouble(scale[p]); }
            for (double[] row : w) for (double v : row) out.writeDouble(v);
            out.flush();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LinearModel read(DataInputStream in) throws IOException {
        Task task = Task.values()[in.readInt()];
        int d = in.readInt(), k = in.readInt();
        double[] mean = new double[d], scale = new double[d];
        for (int p = 0; p < d; p++) { mean[p] = in.readDouble(); scale[p] = in.readDouble(); }
        double[][] w = new double[k][d + 1];
        for (double[] row : w) for (int p = 0; p <= d; p++) row[p] = in.readDouble();
        return new LinearModel(task, mean, scale, w);
    }

    @Override public void close() { }
}
