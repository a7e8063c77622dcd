package io.gureum.automl.learn;

import io.gureum.automl.Task;
import io.gureum.automl.features.FeatureMatrix;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** An XGBoost booster and the number of rounds it predicts with; stored as XGBoost's own UBJSON model. */
final class XgboostModel implements FittedModel {
    static final int TAG = 2;
    private final Booster booster;
    private final int rounds;
    private final int outputs;
    private final Task task;
    private final int features;

    XgboostModel(Booster booster, int rounds, int outputs, Task task, int features) {
        this.booster = booster;
        this.rounds = rounds;
        this.outputs = outputs;
        this.task = task;
        this.features = features;
    }

    @Override public String family() { return "XGBoost"; }
    @Override public int rounds() { return rounds; }

    @Override
    public double[][] predict(FeatureMatrix x) {
        try {
            float[][] raw = booster.inplace_predict(x.values(), x.rows(), x.cols(), Float.NaN, new int[]{0, rounds});
            double[][] out = new double[x.rows()][];
            for (int i = 0; i < x.rows(); i++) {
                if (task == Task.BINARY) {
                    double p = raw[i][0];
                    out[i] = new double[]{1 - p, p};
                } else {
                    out[i] = new double[outputs];
                    for (int k = 0; k < outputs; k++) out[i][k] = raw[i][k];
                }
            }
            return out;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        }
    }

    @Override
    public double[] importance() {
        double[] out = new double[features];
        try {
            Map<String, Double> gains = booster.getScore((String) null, "total_gain");
            for (Map.Entry<String, Double> e : gains.entrySet()) {
                int f = Integer.parseInt(e.getKey().substring(1)); // XGBoost names unnamed features f0, f1, ...
                if (f < features) out[f] = e.getValue();
            }
        } catch (XGBoostError | NumberFormatException e) {
            // no importance is better than no model: leave zeros
        }
        return out;
    }

    @Override
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeInt(TAG);
            out.writeInt(rounds);
            out.writeInt(outputs);
            out.writeInt(task.ordinal());
            out.writeInt(features);
            byte[] model = booster.toByteArray("ubj");
            out.writeInt(model.length);
            out.write(model);
            out.flush();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XGBoostError e) {
            throw new IllegalStateException(e);
        }
    }

    static XgboostModel read(DataInputStream in) throws IOException {
        int rounds = in.readInt();
        int outputs = in.readInt();
        Task task = Task.values()[in.readInt()];
        int features = in.readInt();
        byte[] model = in.readNBytes(in.readInt());
        try {
            return new XgboostModel(XGBoost.loadModel(model), rounds, outputs, task, features);
        } catch (XGBoostError e) {
            throw new IOException("bad XGBoost model: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() { booster.dispose(); }
}
