package io.gureum.automl.data;

import java.util.Set;

/**
 * How to read a CSV: the field separator, and which field values mean "missing" (compared after trimming, case
 * sensitive; the empty field is always missing).
 */
public record CsvOptions(char separator, Set<String> missingValues) {
    /** Commas; empty, {@code NA}, {@code N/A}, {@code NaN}, {@code null}, {@code None} and Weka's {@code ?} are missing. */
    public static CsvOptions defaults() {
        return new CsvOptions(',', Set.of("NA", "N/A", "na", "n/a", "NaN", "nan", "null", "NULL", "None", "?"));
    }

    public CsvOptions {
        if (separator == '"' || separator == '\n' || separator == '\r') throw new IllegalArgumentException("bad separator " + separator);
        missingValues = Set.copyOf(missingValues);
    }

    public CsvOptions withSeparator(char newSeparator) { return new CsvOptions(newSeparator, missingValues); }

    /** True when a trimmed field means "no value". */
    public boolean isMissing(String trimmed) { return trimmed.isEmpty() || missingValues.contains(trimmed); }
}
