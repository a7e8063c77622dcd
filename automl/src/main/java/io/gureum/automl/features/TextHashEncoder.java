package io.gureum.automl.features;

import io.gureum.automl.data.Column;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Free text as hashed lower-cased word counts (log-scaled) in a fixed number of buckets, plus its length in words:
 * no vocabulary to fit or store, and unseen words still land somewhere.
 */
record TextHashEncoder(String column, int buckets) implements ColumnEncoder {
    static final int TAG = 5;

    @Override
    public List<String> featureNames() {
        List<String> names = new ArrayList<>();
        for (int b = 0; b < buckets; b++) names.add(column + ".hash" + b);
        names.add(column + ".words");
        return names;
    }

    @Override
    public void encode(Column c, int row, float[] out, int offset) {
        for (int b = 0; b <= buckets; b++) out[offset + b] = 0f;
        String text = c.text(row);
        if (text == null) { out[offset + buckets] = Float.NaN; return; }
        int words = 0;
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.isEmpty()) continue;
            words++;
            out[offset + Math.floorMod(w.hashCode() * 0x9E3779B1, buckets)] += 1f;
        }
        for (int b = 0; b < buckets; b++) out[offset + b] = (float) Math.log1p(out[offset + b]);
        out[offset + buckets] = words;
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(TAG);
        out.writeUTF(column);
        out.writeInt(buckets);
    }
}
