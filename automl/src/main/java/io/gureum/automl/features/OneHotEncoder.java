package io.gureum.automl.features;

import io.gureum.automl.data.Column;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A 0/1 feature per category seen in training; a missing or unseen category is all zeros. */
record OneHotEncoder(String column, List<String> levels, Map<String, Integer> index) implements ColumnEncoder {
    static final int TAG = 2;

    static OneHotEncoder of(String column, List<String> levels) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) index.put(levels.get(i), i);
        return new OneHotEncoder(column, List.copyOf(levels), index);
    }

    @Override
    public List<String> featureNames() { return levels.stream().map(l -> column + "=" + l).toList(); }

    @Override
    public void encode(Column c, int row, float[] out, int offset) {
        for (int i = 0; i < levels.size(); i++) out[offset + i] = 0f;
        String v = c.text(row);
        if (v == null) return;
        Integer i = index.get(v);
        if (i != null) out[offset + i] = 1f;
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(TAG);
        out.writeUTF(column);
        out.writeInt(levels.size());
        for (String l : levels) out.writeUTF(l);
    }
}
