package io.gureum.automl.features;

import io.gureum.automl.data.Column;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/** Turns one source column into {@link #width()} features, with state fitted on training rows only. */
sealed interface ColumnEncoder permits NumericEncoder, OneHotEncoder, TargetEncoder, DatetimeEncoder, TextHashEncoder {
    String column();

    List<String> featureNames();

    default int width() { return featureNames().size(); }

    void encode(Column column, int row, float[] out, int offset);

    /** A type tag, then the state; {@link EncoderCodec} reads it back. */
    void write(DataOutputStream out) throws IOException;
}
