package io.gureum.automl.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads a CSV file with a header row into a {@link Table}, streaming: each record goes straight into its columns
 * (see {@link ColumnBuilder}), so memory grows with the columns' storage, not with the text. Gzip is recognised by
 * its magic bytes, whatever the file is called; a UTF-8 byte-order mark is skipped. Every malformation is a 400
 * {@code malformed_csv} {@link io.gureum.core.Problem} naming the row and column.
 */
public final class CsvReader {
    private final CsvOptions options;

    public CsvReader(CsvOptions options) { this.options = options; }

    public static Table read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new CsvReader(CsvOptions.defaults()).read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads the whole stream (plain or gzip) into a table; does not close it. */
    public Table read(InputStream raw) {
        return read(raw, 1.0, 0);
    }

    /**
     * Reads the header and a seeded random share of the data rows (each kept with probability {@code keep}), for a
     * file too large to hold whole; every row is still checked, so a malformed row anywhere is reported. Does not close
     * the stream.
     */
    public Table read(InputStream raw, double keep, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ColumnBuilder> builders = new ArrayList<>();
        int[] rows = {0};
        scan(raw, names -> names.forEach(n -> builders.add(new ColumnBuilder(n))), fields -> {
            if (keep < 1.0 && random.nextDouble() >= keep) return;
            for (int c = 0; c < fields.size(); c++) {
                String v = fields.get(c).trim();
                if (options.isMissing(v)) builders.get(c).addMissing(); else builders.get(c).add(v);
            }
            rows[0]++;
        });
        if (rows[0] == 0) throw CsvProblems.at(2, 0, "no data rows kept after the header");
        List<Column> columns = new ArrayList<>();
        for (ColumnBuilder b : builders) columns.add(b.build());
        return new Table(columns, rows[0]);
    }

    /** Counts the data rows, checking each as {@link #read(InputStream)} does but keeping none; does not close the stream. */
    public long count(InputStream raw) {
        long[] rows = {0};
        scan(raw, names -> { }, fields -> rows[0]++);
        return rows[0];
    }

    /** Parses the header, then hands over each data row once its field count is checked. */
    private void scan(InputStream raw, Consumer<List<String>> header, Consumer<List<String>> row) {
        try {
            CsvRecords records = new CsvRecords(reader(raw), options.separator());
            List<String> first = records.next();
            if (first == null) throw CsvProblems.empty();
            List<String> names = checkHeader(first);
            header.accept(names);
            long rows = 0;
            for (List<String> fields; (fields = records.next()) != null; ) {
                if (fields.size() != names.size()) {
                    long at = records.recordNumber();
                    int column = Math.min(fields.size(), names.size()) + 1;
                    throw CsvProblems.at(at, column, "expected " + names.size() + " fields as in the header, found " + fields.size());
                }
                row.accept(fields);
                rows++;
            }
            if (rows == 0) throw CsvProblems.at(2, 0, "no data rows after the header");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> checkHeader(List<String> header) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean allNumbers = true;
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c).trim();
            if (name.isEmpty()) throw CsvProblems.at(1, c + 1, "the header names no column here (every column needs a name)");
            Integer before = seen.put(name, c + 1);
            if (before != null) throw CsvProblems.at(1, c + 1, "duplicate column name '" + name + "' (also column " + before + ")");
            if (Double.isNaN(Numbers.parse(name))) allNumbers = false;
            names.add(name);
        }
        if (allNumbers) {
            throw CsvProblems.at(1, 1, "the first row holds only numbers: the file needs a header row naming its columns");
        }
        return names;
    }

    private static Reader reader(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(4);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        InputStream body = (b1 == 0x1f && b2 == 0x8b) ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
        body.mark(4);
        byte[] bom = body.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF)) body.reset();
        return new InputStreamReader(body, StandardCharsets.UTF_8);
    }
}
