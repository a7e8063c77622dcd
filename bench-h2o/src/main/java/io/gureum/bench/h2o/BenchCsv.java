package io.gureum.bench.h2o;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * One bench dataset made ready for H2O's parser: a header of column names, the data rows unchanged, and one more column with
 * each row's fold. The bench's folds are given rather than left to H2O's {@code nfolds}, which would put row i in fold i mod k
 * (a different split from the one Gureum is measured on, and a biased one for files sorted by class).
 *
 * <p>Two header styles occur in the bench data: a plain one (column names) and scikit-learn's (row count, feature count, class
 * names), whose columns are named here {@code x1..xN} and {@code target}.
 */
record BenchCsv(Path file, List<String> columns, String target, String foldColumn, int rows, int folds) {

  /** Reads {@code source} and the fold ids, checks they agree, and writes the prepared CSV to {@code out}. */
  static BenchCsv prepare(Path source, String target, Path foldIds, Path out) throws IOException {
    List<String> lines = dataLines(source);
    if (lines.size() < 2) throw new BadInputException(source + " has no data rows");
    List<String> header = fields(lines.get(0));
    List<String> rows = lines.subList(1, lines.size());
    List<String> columns = sklearnColumns(header, fields(rows.get(0)).size());
    String headerLine = columns == null ? lines.get(0) : String.join(",", columns);
    if (columns == null) columns = header;
    if (!columns.contains(target))
      throw new BadInputException("no column '" + target + "' in " + source + "; its columns are " + columns);

    List<Integer> folds = foldIds(foldIds);
    if (folds.size() != rows.size())
      throw new BadInputException(foldIds + " has " + folds.size() + " fold ids but " + source + " has " + rows.size()
          + " data rows");
    int distinct = new TreeSet<>(folds).size();
    if (distinct < 2) throw new BadInputException(foldIds + " names " + distinct + " fold; cross-validation needs 2 or more");

    String foldColumn = unusedName("gureum_fold", columns);
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write(headerLine + "," + foldColumn + "\n");
      for (int i = 0; i < rows.size(); i++) w.write(rows.get(i) + "," + folds.get(i) + "\n");
    }
    List<String> all = new ArrayList<>(columns);
    all.add(foldColumn);
    return new BenchCsv(out, List.copyOf(all), target, foldColumn, rows.size(), distinct);
  }

  /**
   * The non-blank lines, refusing a quoted field that spans lines: rows are counted as lines here, and a miscount would
   * shift every fold id after it.
   */
  private static List<String> dataLines(Path source) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(source, StandardCharsets.UTF_8)) {
      if (line.isBlank()) continue;
      if (line.chars().filter(c -> c == '"').count() % 2 != 0)
        throw new BadInputException(source + " line " + (lines.size() + 1) + " has a quoted field spanning lines");
      lines.add(line);
    }
    return lines;
  }

  /** scikit-learn's header (n_samples, n_features, class names...) gives no names: make them, or null for a plain header. */
  private static List<String> sklearnColumns(List<String> header, int width) {
    if (header.size() < 2 || !header.get(0).matches("\\d+") || !header.get(1).matches("\\d+")) return null;
    int features = Integer.parseInt(header.get(1));
    if (features + 1 != width) return null;
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= features; i++) names.add("x" + i);
    names.add("target");
    return names;
  }

  private static List<Integer> foldIds(Path file) throws IOException {
    List<Integer> folds = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) continue;
      try {
        folds.add(Integer.parseInt(line.strip()));
      } catch (NumberFormatException e) {
        throw new BadInputException(file + " line " + (folds.size() + 1) + " is not an integer fold id: " + line.strip());
      }
    }
    return folds;
  }

  private static String unusedName(String base, List<String> taken) {
    String name = base;
    for (int i = 2; taken.contains(name); i++) name = base + i;
    return name;
  }

  /** Splits one CSV line on commas outside double quotes, unquoting the fields. */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') field.append(line.charAt(++i));
        else quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(field.toString().strip());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString().strip());
    return out;
  }
}
