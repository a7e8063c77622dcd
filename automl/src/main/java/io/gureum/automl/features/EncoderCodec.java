package io.gureum.automl.features;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads back what {@link ColumnEncoder#write} wrote. */
final class EncoderCodec {
    private EncoderCodec() {}

    static ColumnEncoder read(DataInputStream in) throws IOException {
        int tag = in.readInt();
        String column = in.readUTF();
        switch (tag) {
            case NumericEncoder.TAG:
                return new NumericEncoder(column, in.readBoolean());
            case OneHotEncoder.TAG: {
                int n = in.readInt();
                List<String> levels = new ArrayList<>(n);
                for (int i = 0; i < n; i++) levels.add(in.readUTF());
                return OneHotEncoder.of(column, levels);
            }
            case TargetEncoder.TAG: {
                int outputs = in.readInt();
                float[] prior = new float[outputs];
                for (int o = 0; o < outputs; o++) prior[o] = in.readFloat();
                int n = in.readInt();
                Map<String, float[]> means = new HashMap<>();
                Map<String, Float> shares = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    String key = in.readUTF();
                    float[] m = new float[outputs];
                    for (int o = 0; o < outputs; o++) m[o] = in.readFloat();
                    means.put(key, m);
                    shares.put(key, in.readFloat());
                }
                return new TargetEncoder(column, outputs, means, prior, shares);
            }
            case DatetimeEncoder.TAG:
                return new DatetimeEncoder(column);
            case TextHashEncoder.TAG:
                return new TextHashEncoder(column, in.readInt());
            default:
                throw new IOException("unknown feature encoder " + tag + " (a model written by a newer Gureum?)");
        }
    }
}
