package io.gureum.automl.data;

import java.util.List;

/**
 * A column's statistics: {@code count} non-missing values, {@code missing}, {@code distinct} non-missing values;
 * {@code min..std} over the numeric values (NaN when the column has none); the most frequent values (up to 10).
 */
public record ColumnStats(long count, long missing, long distinct, double min, double max, double mean, double std,
                          List<ValueCount> topValues) {
    public ColumnStats { topValues = List.copyOf(topValues); }
}
