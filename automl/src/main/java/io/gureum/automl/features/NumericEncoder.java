package io.gureum.automl.features;

import io.gureum.automl.data.Column;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * A number as it is (missing stays NaN: the tree learners route it, the linear one imputes), plus a missing
 * indicator when the training rows had missing values, since missingness itself often predicts.
 */
record NumericEncoder(String column, boolean indicator) implements ColumnEncoder {
    static final int TAG = 1;

    @Override
    public List<String> featureNames() {
        return indicator ? List.of(column, column + ".missing") : List.of(column);
    }

    @Override
    public void encode(Column c, int row, float[] out, int offset) {
        double v = c.number(row);
        out[offset] = (float) v;
        if (indicator) out[offset + 1] = Double.isNaN(v) ? 1f : 0f;
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(TAG);
        out.writeUTF(column);
        out.writeBoolean(indicator);
    }
}
