package io.gureum.automl.data;

/** A column of numbers only: what a column of many distinct numeric values becomes, 8 bytes a row. */
record NumberColumn(String name, double[] values, long unparseable) implements Column {
    @Override public int size() { return values.length; }
    @Override public boolean isMissing(int row) { return Double.isNaN(values[row]); }
    @Override public double number(int row) { return values[row]; }

    @Override
    public String text(int row) {
        double v = values[row];
        if (Double.isNaN(v)) return null;
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
