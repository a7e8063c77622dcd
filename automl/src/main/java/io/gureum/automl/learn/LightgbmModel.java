package io.gureum.automl.learn;

import com.microsoft.ml.lightgbm.PredictionType;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMException;
import io.gureum.automl.Task;
import io.gureum.automl.features.FeatureMatrix;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A LightGBM booster cut at its best round, stored as LightGBM's own text model. */
final class LightgbmModel implements FittedModel {
    static final int TAG = 3;
    private final String family;
    private final String text;
    private final LGBMBooster booster;
    private final int rounds;
    private final Task task;
    private final int outputs;
    private final int features;

    private LightgbmModel(String family, String text, LGBMBooster booster, int rounds, Task task, int outputs, int features) {
        this.family = family;
        this.text = text;
        this.booster = booster;
        this.rounds = rounds;
        this.task = task;
        this.outputs = outputs;
        this.features = features;
    }

    static LightgbmModel of(String family, String text, int rounds, Task task, int outputs, int features) {
        try {
            LightgbmNative.load();
            return new LightgbmModel(family, text, LGBMBooster.loadModelFromString(text), rounds, task, outputs, features);
        } catch (LGBMException e) {
            throw new IllegalStateException("bad LightGBM model: " + e.getMessage(), e);
        }
    }

    @Override public String family() { return family; }
    @Override public int rounds() { return rounds; }

    @Override
    public double[][] predict(FeatureMatrix x) {
        double[][] out = new double[x.rows()][];
        if (x.rows() == 0) return out;
        try {
            double[] raw = booster.predictForMat(x.values(), x.rows(), x.cols(), true, PredictionType.C_API_PREDICT_NORMAL);
            int k = task == Task.MULTICLASS ? outputs : 1;
            for (int i = 0; i < x.rows(); i++) {
                if (task == Task.BINARY) out[i] = new double[]{1 - raw[i], raw[i]};
                else {
                    out[i] = new double[k];
                    System.arraycopy(raw, i * k, out[i], 0, k);
                }
            }
            return out;
        } catch (LGBMException e) {
            throw new IllegalStateException("LightGBM prediction failed: " + e.getMessage(), e);
        }
    }

    @Override
    public double[] importance() {
        try {
            double[] gains = booster.featureImportance(0, LGBMBooster.FeatureImportanceType.GAIN);
            double[] out = new double[features];
            System.arraycopy(gains, 0, out, 0, Math.min(features, gains.length));
            return out;
        } catch (LGBMException e) {
            return new double[features];
        }
    }

    @Override
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeInt(TAG);
            out.writeUTF(family);
            out.writeInt(rounds);
            out.writeInt(task.ordinal());
            out.writeInt(outputs);
            out.writeInt(features);
            byte[] model = text.getBytes(StandardCharsets.UTF_8);
            out.writeInt(model.length);
            out.write(model);
            out.flush();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LightgbmModel read(DataInputStream in) throws IOException {
        String family = in.readUTF();
        int rounds = in.readInt();
        Task task = Task.values()[in.readInt()];
        int outputs = in.readInt();
        int features = in.readInt();
        String text = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
        return of(family, text, rounds, task, outputs, features);
    }

    @Override
    public void close() {
        try {
            booster.close();
        } catch (LGBMException e) {
            // already freed or never allocated
        }
    }
}
