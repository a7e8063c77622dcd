package io.gureum.automl.features;

import io.gureum.automl.data.Column;
import io.gureum.automl.data.Datetimes;

import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** A date as its parts (year, month, day of month, day of week, hour) and as days since 1970, for trends. */
record DatetimeEncoder(String column) implements ColumnEncoder {
    static final int TAG = 4;

    @Override
    public List<String> featureNames() {
        return List.of(column + ".days", column + ".year", column + ".month", column + ".day", column + ".weekday", column + ".hour");
    }

    @Override
    public void encode(Column c, int row, float[] out, int offset) {
        double s = Datetimes.epochSeconds(c.text(row));
        if (Double.isNaN(s)) {
            for (int i = 0; i < 6; i++) out[offset + i] = Float.NaN;
            return;
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond((long) s, 0, ZoneOffset.UTC);
        out[offset] = (float) (s / 86400.0);
        out[offset + 1] = t.getYear();
        out[offset + 2] = t.getMonthValue();
        out[offset + 3] = t.getDayOfMonth();
        out[offset + 4] = t.getDayOfWeek().getValue();
        out[offset + 5] = t.getHour();
    }

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(TAG);
        out.writeUTF(column);
    }
}
