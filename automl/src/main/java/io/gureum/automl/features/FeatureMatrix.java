package io.gureum.automl.features;

/** Dense features, row-major, NaN where a value is missing: what every learner trains and predicts on. */
public record FeatureMatrix(float[] values, int rows, int cols) {
    public FeatureMatrix {
        if ((long) rows * cols != values.length) throw new IllegalArgumentException(rows + "x" + cols + " != " + values.length);
    }

    public float get(int row, int col) { return values[row * cols + col]; }

    /** The rows {@code rows} of this matrix, in that order. */
    public FeatureMatrix select(int[] rows) {
        float[] out = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) System.arraycopy(values, rows[i] * cols, out, i * cols, cols);
        return new FeatureMatrix(out, rows.length, cols);
    }
}
