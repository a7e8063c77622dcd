package io.gureum.automl.features;

import io.gureum.automl.data.Column;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A high-cardinality category as the smoothed mean of the target among training rows with that category (one
 * feature per class for several classes), plus its share of the training rows. Unseen and missing categories get
 * the prior. The training rows' own values are computed out of fold by {@link FeaturePipeline}, so that no row
 * sees its own target.
 */
record TargetEncoder(String column, int outputs, Map<String, float[]> means, float[] prior, Map<String, Float> shares) implements ColumnEncoder {
    static final int TAG = 3;
    /** Rows a category needs before its own mean outweighs the prior. */
    static final double SMOOTHING = 10;

    /** Fits on {@code rows} of {@code c}; {@code targets[i]} is the target vector (length {@code outputs}) of rows[i]. */
    static TargetEncoder fit(Column c, int[] rows, double[][] targets, int outputs, double[] priorMean) {
        Map<String, double[]> sums = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < rows.length; i++) {
            String v = c.text(rows[i]);
            if (v == null) continue;
            double[] s = sums.computeIfAbsent(v, k -> new double[outputs]);
            for (int o = 0; o < outputs; o++) s[o] += targets[i][o];
            counts.merge(v, 1, Integer::sum);
        }
        Map<String, float[]> means = new HashMap<>();
        Map<String, Float> shares = new HashMap<>();
        for (Map.Entry<String, double[]> e : sums.entrySet()) {
            int n = counts.get(e.getKey());
            float[] m = new float[outputs];
            for (int o = 0; o < outputs; o++) m[o] = (float) ((e.getValue()[o] + SMOOTHING * priorMean[o]) / (n + SMOOTHING));
            means.put(e.getKey(), m);
            shares.put(e.getKey(), (float) n / rows.length);
        }
        float[] prior = new float[outputs];
        for (int o = 0; o < outputs; o++) prior[o] = (float) priorMean[o];
        return new TargetEncoder(c.name(), outputs, means, prior, shares);
    }

    @Override
    public List<String> featureNames() {
        List<String> names = new ArrayList<>();
        for (int o = 0; o < outputs; o++) names.add(column + ".target" + (outputs > 1 ? o : ""));
        names.add(column + ".frequency");
        return names;
    }

    @Override
    public void encode(Column c, int row, float[] out, int offset) {
        String v = c.text(row);
        float[] m = v == null ? null : means.get(v);
        System.arraycopy(m != null ? m : prior, 0, out, offset, outputs);
        Float share = v == null ? null : shares.get(v);
        out[offset + outputs] = share != null ? share : 0f;
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(TAG);
        out.writeUTF(column);
        out.writeInt(outputs);
        for (float p : prior) out.writeFloat(p);
        out.writeInt(means.size());
        for (Map.Entry<String, float[]> e : means.entrySet()) {
            out.writeUTF(e.getKey());
            for (float f : e.getValue()) out.writeFloat(f);
            out.writeFloat(shares.get(e.getKey()));
        }
    }
}
