package io.gureum.automl.data;

import io.gureum.core.Problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The errors a CSV upload can have, as {@link Problem}s the API returns as they are: 400 {@code malformed_csv} with
 * the 1-based {@code row} (the header is row 1) and, where one is to blame, the 1-based {@code column}.
 */
public final class CsvProblems {
    public static final String MALFORMED = "malformed_csv";

    private CsvProblems() {}

    static Problem at(long row, int column, String detail) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("row", row);
        if (column > 0) ext.put("column", column);
        String where = column > 0 ? "row " + row + ", column " + column : "row " + row;
        return new Problem(400, MALFORMED, "Malformed CSV", where + ": " + detail, ext);
    }

    static Problem empty() {
        return new Problem(400, MALFORMED, "Malformed CSV", "the file is empty: expected a header row and data rows");
    }
}
