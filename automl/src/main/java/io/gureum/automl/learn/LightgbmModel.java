package io.gureum.automl.learn;

import com.microsoft.ml.lightgbm.SWIGTYPE_p_double;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_float;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_int;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_long_long;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_p_void;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_void;
import com.microsoft.ml.lightgbm.lightgbmlib;
import io.gureum.automl.Task;
import io.gureum.automl.features.FeatureMatrix;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A LightGBM booster cut at its best round, stored as LightGBM's own text model. Predicts through LightGBM's C API
 * directly: lightgbm4j 4.3.0-1's {@code predictForMat} sizes its output buffer for two values a row, which
 * overruns native memory for more than two classes.
 */
final class LightgbmModel implements FittedModel {
    static final int TAG = 3;
    private final String family;
    private final String text;
    private final SWIGTYPE_p_p_void handle;
    private volatile boolean closed;
    private final int rounds;
    private final Task task;
    private final int outputs;
    private final int features;

    private LightgbmModel(String family, String text, SWIGTYPE_p_p_void handle, int rounds, Task task, int outputs, int features) {
        this.family = family;
        this.text = text;
        this.handle = handle;
        this.rounds = rounds;
        this.task = task;
        this.outputs = outputs;
        this.features = features;
    }

    static LightgbmModel of(String family, String text, int rounds, Task task, int outputs, int features) {
        LightgbmNative.load();
        SWIGTYPE_p_p_void handle = lightgbmlib.new_voidpp();
        SWIGTYPE_p_int iterations = lightgbmlib.new_intp();
        try {
            LightgbmNative.check(lightgbmlib.LGBM_BoosterLoadModelFromString(text, iterations, handle));
        } finally {
            lightgbmlib.delete_intp(iterations);
        }
        return new LightgbmModel(family, text, handle, rounds, task, outputs, features);
    }

    @Override public String family() { return family; }
    @Override public int rounds() { return rounds; }

    @Override
    public double[][] predict(FeatureMatrix x) {
        double[][] out = new double[x.rows()][];
        if (x.rows() == 0) return out;
        int k = task == Task.MULTICLASS ? outputs : 1;
        float[] values = x.values();
        SWIGTYPE_p_float data = LightgbmNative.floats(values);
        SWIGTYPE_p_double result = lightgbmlib.new_doubleArray((long) x.rows() * k);
        SWIGTYPE_p_long_long length = lightgbmlib.new_int64_tp();
        try {
            synchronized (LightgbmNative.LOCK) {
                check(lightgbmlib.LGBM_BoosterPredictForMat(lightgbmlib.voidpp_value(handle), lightgbmlib.float_to_voidp_ptr(data),
                        lightgbmlib.C_API_DTYPE_FLOAT32, x.rows(), x.cols(), 1, 0 /* normal */, 0, rounds, "num_threads=1", length, result));
            }
            for (int i = 0; i < x.rows(); i++) {
                if (task == Task.BINARY) {
                    double p = lightgbmlib.doubleArray_getitem(result, i);
                    out[i] = new double[]{1 - p, p};
                } else {
                    out[i] = new double[k];
                    for (int c = 0; c < k; c++) out[i][c] = lightgbmlib.doubleArray_getitem(result, (long) i * k + c);
                }
            }
            return out;
        } finally {
            lightgbmlib.delete_floatArray(data);
            lightgbmlib.delete_doubleArray(result);
            lightgbmlib.delete_int64_tp(length);
        }
    }

    @Override
    public double[] importance() {
        SWIGTYPE_p_double gains = lightgbmlib.new_doubleArray(features);
        try {
            check(lightgbmlib.LGBM_BoosterFeatureImportance(lightgbmlib.voidpp_value(handle), 0, 1 /* gain */, gains));
            double[] out = new double[features];
            for (int f = 0; f < features; f++) out[f] = lightgbmlib.doubleArray_getitem(gains, f);
            return out;
        } finally {
            lightgbmlib.delete_doubleArray(gains);
        }
    }

    private static void check(int status) { LightgbmNative.check(status); }

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
    public synchronized void close() {
        if (closed) return;
        closed = true;
        lightgbmlib.LGBM_BoosterFree(lightgbmlib.voidpp_value(handle));
        lightgbmlib.delete_voidpp(handle);
    }
}
