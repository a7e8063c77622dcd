package io.gureum.automl.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Infers a column's {@link ColumnType} and computes its {@link ColumnStats} in one pass. The rules, in order: no or
 * one distinct value is CONSTANT; two values spelled like a boolean are BOOLEAN; all numbers is NUMERIC (unless
 * a strictly increasing run of distinct integers, an ID); 95% ISO dates is DATETIME; words with spaces and many
 * distinct values are TEXT; other text with a distinct value in nearly every row is an ID; the rest is CATEGORICAL.
 */
public final class ColumnProfiler {
    private static final Set<String> BOOLEAN_WORDS = Set.of("true", "false", "yes", "no", "y", "n", "t", "f");
    private static final int TOP = 10;

    private ColumnProfiler() {}

    public static ColumnProfile profile(Column column) {
        int n = column.size();
        long missing = 0;
        long numeric = 0;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, mean = 0, m2 = 0;
        boolean integers = true, increasing = true;
        double previous = Double.NEGATIVE_INFINITY;
        Map<String, Long> counts = column instanceof DictionaryColumn ? new HashMap<>() : null;
        for (int r = 0; r < n; r++) {
            if (column.isMissing(r)) { missing++; continue; }
            double v = column.number(r);
            if (!Double.isNaN(v)) {
                numeric++;
                min = Math.min(min, v);
                max = Math.max(max, v);
                double d = v - mean;
                mean += d / numeric;
                m2 += d * (v - mean);
                if (v != Math.rint(v)) integers = false;
                if (v <= previous) increasing = false;
                previous = v;
            }
            if (counts != null) counts.merge(column.text(r), 1L, Long::sum);
        }
        long count = n - missing;
        boolean allNumeric = count > 0 && numeric == count;
        long distinct = counts != null ? counts.size() : (allNumeric && increasing ? count : distinctNumbers(column));
        List<ValueCount> top = new ArrayList<>();
        if (counts != null) {
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(TOP).forEach(e -> top.add(new ValueCount(e.getKey(), e.getValue())));
        }
        boolean hasNumbers = numeric > 0;
        ColumnStats stats = new ColumnStats(count, missing, distinct,
                hasNumbers ? min : Double.NaN, hasNumbers ? max : Double.NaN, hasNumbers ? mean : Double.NaN,
                numeric > 1 ? Math.sqrt(m2 / (numeric - 1)) : (hasNumbers ? 0 : Double.NaN), top);
        return new ColumnProfile(column.name(), type(column, stats, allNumeric, integers && increasing, counts), stats);
    }

    private static ColumnType type(Column column, ColumnStats s, boolean allNumeric, boolean sequentialIntegers, Map<String, Long> counts) {
        if (s.distinct() <= 1) return ColumnType.CONSTANT;
        if (s.distinct() == 2 && counts != null && counts.keySet().stream().allMatch(v -> BOOLEAN_WORDS.contains(v.toLowerCase()))) {
            return ColumnType.BOOLEAN;
        }
        if (allNumeric) {
            return sequentialIntegers && s.count() > 20 && s.distinct() == s.count() ? ColumnType.ID : ColumnType.NUMERIC;
        }
        if (counts == null) return ColumnType.NUMERIC; // a numbers-only column that met a few words: still numbers
        long dates = 0, spaced = 0, length = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (!Double.isNaN(Datetimes.epochSeconds(e.getKey()))) dates += e.getValue();
            if (e.getKey().indexOf(' ') >= 0) spaced += e.getValue();
            length += (long) e.getKey().length() * e.getValue();
        }
        if (dates >= 0.95 * s.count()) return ColumnType.DATETIME;
        double distinctShare = (double) s.distinct() / s.count();
        double meanLength = (double) length / s.count();
        if (spaced >= 0.5 * s.count() && distinctShare > 0.5 && meanLength > 15) return ColumnType.TEXT;
        if (distinctShare > 0.95 && s.count() > 20) return ColumnType.ID;
        return ColumnType.CATEGORICAL;
    }

    /** Distinct non-missing numbers, by sorting a primitive copy (a set of a million boxed doubles is slow). */
    private static long distinctNumbers(Column column) {
        double[] values = new double[column.size()];
        int n = 0;
        for (int r = 0; r < column.size(); r++) if (!column.isMissing(r)) values[n++] = column.number(r);
        java.util.Arrays.sort(values, 0, n);
        long distinct = 0;
        for (int i = 0; i < n; i++) if (i == 0 || values[i] != values[i - 1]) distinct++;
        return distinct;
    }
}
