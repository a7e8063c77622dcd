package io.gureum.automl.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A table with its profile (each column's inferred type and statistics): what an experiment trains on. */
public record Dataset(Table table, List<ColumnProfile> profiles) {
    public Dataset { profiles = List.copyOf(profiles); }

    public static Dataset of(Table table) {
        return new Dataset(table, table.columns().stream().map(ColumnProfiler::profile).toList());
    }

    public static Dataset read(Path csv) {
        try (InputStream in = Files.newInputStream(csv)) {
            return read(in, CsvOptions.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    public static Dataset read(InputStream csv, CsvOptions options) {
        return of(new CsvReader(options).read(csv));
    }

    public int rowCount() { return table.rowCount(); }

    public Optional<ColumnProfile> profile(String column) {
        return profiles.stream().filter(p -> p.name().equals(column)).findFirst();
    }

    public List<Map<String, String>> preview(int rows) { return table.preview(rows); }
}
