package io.gureum.automl.data;

import java.util.List;

/**
 * A column stored as a code per row into its distinct values (-1 for missing), each distinct value parsed as a
 * number once: 4 bytes a row plus the distinct values.
 */
record DictionaryColumn(String name, int[] codes, List<String> levels, double[] levelNumbers) implements Column {
    @Override public int size() { return codes.length; }
    @Override public boolean isMissing(int row) { return codes[row] < 0; }
    @Override public String text(int row) { int c = codes[row]; return c < 0 ? null : levels.get(c); }
    @Override public double number(int row) { int c = codes[row]; return c < 0 ? Double.NaN : levelNumbers[c]; }
    @Override public long unparseable() { return 0; }

    /** The code of each row (-1 missing); index into {@link #levels()}. */
    int code(int row) { return codes[row]; }
}
