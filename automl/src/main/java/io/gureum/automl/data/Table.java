package io.gureum.automl.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rows of named columns, stored by column. Immutable. */
public final class Table {
    private final List<Column> columns;
    private final Map<String, Integer> byName = new HashMap<>();
    private final int rows;

    Table(List<Column> columns, int rows) {
        this.columns = List.copyOf(columns);
        this.rows = rows;
        for (int i = 0; i < columns.size(); i++) byName.put(columns.get(i).name(), i);
    }

    public int rowCount() { return rows; }

    public List<Column> columns() { return columns; }

    public List<String> columnNames() { return columns.stream().map(Column::name).toList(); }

    public Optional<Column> column(String name) {
        Integer i = byName.get(name);
        return i == null ? Optional.empty() : Optional.of(columns.get(i));
    }

    /** The first {@code n} rows as text (missing values as null), column order kept. */
    public List<Map<String, String>> preview(int n) {
        List<Map<String, String>> out = new ArrayList<>();
        for (int r = 0; r < Math.min(n, rows); r++) {
            Map<String, String> row = new LinkedHashMap<>();
            for (Column c : columns) row.put(c.name(), c.text(r));
            out.add(row);
        }
        return out;
    }

    /**
     * A table of JSON-like rows (what a prediction request carries): values are turned to text as a CSV would hold
     * them; a key that is absent or null is missing. Only {@code names} are kept.
     */
    public static Table ofRows(List<String> names, List<Map<String, Object>> rows, CsvOptions options) {
        List<ColumnBuilder> builders = names.stream().map(ColumnBuilder::new).toList();
        for (Map<String, Object> row : rows) {
            for (int c = 0; c < names.size(); c++) {
                Object v = row == null ? null : row.get(names.get(c));
                String s = v == null ? "" : v instanceof Double || v instanceof Float ? Double.toString(((Number) v).doubleValue()) : v.toString().trim();
                if (options.isMissing(s)) builders.get(c).addMissing(); else builders.get(c).add(s);
            }
        }
        return new Table(builders.stream().map(ColumnBuilder::build).toList(), rows.size());
    }
}
