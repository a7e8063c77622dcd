package io.gureum.automl.data;

/**
 * One column of a {@link Table}, stored by column: each value is readable as text (null when missing) and as a
 * number (NaN when missing or not a number).
 */
public sealed interface Column permits DictionaryColumn, NumberColumn {
    String name();

    int size();

    boolean isMissing(int row);

    /** The value as read (trimmed), or null when missing. */
    String text(int row);

    /** The value as a number, or NaN when missing or not numeric. */
    double number(int row);

    /** Rows that held a value that could not be kept as read (a column switched to numbers that met a word). */
    long unparseable();
}
