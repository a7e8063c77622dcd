package io.gureum.bench.h2o;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The command line contract `./gureum bench automl` calls this peer with. Everything is required except {@code --threads}, so
 * that a bench run can never silently compare under different settings than it asked for.
 */
record PeerArgs(Path csv, String target, Path foldIds, int budgetSeconds, long seed, Metric metric, int threads) {

  static final String USAGE = """
      usage: java --add-opens java.base/java.lang=ALL-UNNAMED -jar gureum-bench-h2o.jar \\
               --csv <path> --target <column> --fold-ids <file> --budget-seconds <n> --seed <n> --metric auc|logloss|rmse \\
               [--threads <n>]
        --fold-ids        one integer per data row of the CSV, in row order: the cross-validation fold of that row
        --target          the label column; for scikit-learn's CSVs (a header of row count, feature count, class names)
                          the label is the last column and is called 'target'
        --metric          auc or logloss: the target is a class (binary for auc); rmse: the target is a number
        --threads         H2O's worker threads (default: every core this JVM sees)
      Logs go to stderr; the last line on stdout is one JSON object:
        {"metric":"auc","value":0.795,"modelsTried":12,"leader":"GBM_1_AutoML_...","seconds":61.3}""";

  enum Metric {
    AUC, LOGLOSS, RMSE;

    boolean classification() { return this != RMSE; }

    /** The name H2O's leaderboard and sort_metric use. */
    String h2oName() { return name().toLowerCase(Locale.ROOT); }
  }

  static PeerArgs parse(String[] args) {
    Path csv = null, foldIds = null;
    String target = null;
    Integer budget = null, threads = null;
    Long seed = null;
    Metric metric = null;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help") || flag.equals("-h")) throw new UsageException(null);
      if (i + 1 >= args.length) throw new UsageException(flag + " needs a value");
      String value = args[++i];
      switch (flag) {
        case "--csv" -> csv = Path.of(value);
        case "--target" -> target = value;
        case "--fold-ids" -> foldIds = Path.of(value);
        case "--budget-seconds" -> budget = positive(flag, value);
        case "--seed" -> seed = number(flag, value);
        case "--threads" -> threads = positive(flag, value);
        case "--metric" -> metric = metric(value);
        default -> throw new UsageException("unknown option " + flag);
      }
    }
    if (csv == null || target == null || foldIds == null || budget == null || seed == null || metric == null)
      throw new UsageException("--csv, --target, --fold-ids, --budget-seconds, --seed and --metric are all required");
    if (!Files.isReadable(csv)) throw new UsageException("cannot read --csv " + csv);
    if (!Files.isReadable(foldIds)) throw new UsageException("cannot read --fold-ids " + foldIds);
    return new PeerArgs(csv, target, foldIds, budget, seed, metric,
        threads != null ? threads : Runtime.getRuntime().availableProcessors());
  }

  private static Metric metric(String value) {
    try {
      return Metric.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--metric must be auc, logloss or rmse, not " + value);
    }
  }

  private static long number(String flag, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new UsageException(flag + " must be an integer, not " + value);
    }
  }

  private static int positive(String flag, String value) {
    long n = number(flag, value);
    if (n < 1 || n > Integer.MAX_VALUE) throw new UsageException(flag + " must be a positive integer, not " + value);
    return (int) n;
  }

  /** A bad command line: the message, then the usage, on stderr. A null message is a request for help. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) { super(message); }
  }
}
