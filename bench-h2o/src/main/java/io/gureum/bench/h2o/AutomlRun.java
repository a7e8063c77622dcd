package io.gureum.bench.h2o;

import ai.h2o.automl.AutoML;
import ai.h2o.automl.AutoMLBuildSpec;
import hex.Model;
import hex.leaderboard.Leaderboard;
import io.gureum.bench.h2o.PeerArgs.Metric;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import water.Key;
import water.fvec.Frame;
import water.fvec.NFSFileVec;
import water.fvec.Vec;
import water.parser.ParseDataset;
import water.parser.ParseSetup;

/** One AutoML run on a prepared CSV: parse it into a frame, search for the budget, read the leader off the leaderboard. */
final class AutomlRun {
  /** What the bench compares: the leader's cross-validated metric on the given folds, and how many models were tried. */
  record Result(Metric metric, double value, int modelsTried, String leader, double seconds) {
    String toJson() {
      return String.format(Locale.ROOT, "{\"metric\":\"%s\",\"value\":%s,\"modelsTried\":%d,\"leader\":\"%s\",\"seconds\":%.1f}",
          metric.h2oName(), value, modelsTried, leader.replace("\\", "\\\\").replace("\"", "\\\""), seconds);
    }
  }

  private static final long POLL_MS = 100;
  private static final long PROGRESS_EVERY_NS = 10_000_000_000L;

  private AutomlRun() {}

  static Result run(BenchCsv data, PeerArgs args, PrintStream log) throws InterruptedException {
    Frame frame = parse(data, args.metric());
    AutoMLBuildSpec spec = new AutoMLBuildSpec();
    spec.input_spec.training_frame = frame._key;
    spec.input_spec.response_column = data.target();
    spec.input_spec.fold_column = data.foldColumn();
    spec.input_spec.sort_metric = args.metric().h2oName();
    spec.build_control.project_name = "gureum_bench";
    spec.build_control.stopping_criteria.set_max_runtime_secs(args.budgetSeconds());
    spec.build_control.stopping_criteria.set_seed(args.seed());
    // only the leaderboard is read: no cross-validation models, fold assignments or predictions beyond what the stacked
    // ensembles need while the run lasts (AutoML keeps those itself)
    spec.build_control.keep_cross_validation_models = false;
    spec.build_control.keep_cross_validation_predictions = false;
    spec.build_control.keep_cross_validation_fold_assignment = false;

    long start = System.nanoTime();
    AutoML automl = AutoML.startAutoML(spec);
    // polled often, so that the time measured is AutoML's and not this loop's; progress is printed far less often
    long lastPrint = start;
    while (!automl.job().isDone()) {
      Thread.sleep(POLL_MS);
      long now = System.nanoTime();
      if (now - lastPrint < PROGRESS_EVERY_NS) continue;
      lastPrint = now;
      Leaderboard board = automl.leaderboard();
      log.printf(Locale.ROOT, "h2o: %.0f s, %d models so far%n", (now - start) / 1e9, board == null ? 0 : board.getModelCount());
    }
    automl.get(); // rethrows what failed the run
    double seconds = (System.nanoTime() - start) / 1e9;

    Leaderboard board = automl.leaderboard();
    if (board == null || board.getModelCount() == 0) throw new IllegalStateException("AutoML finished without a model");
    log.println(board.toTwoDimTable().toString());
    if (!board.getSortMetric().equalsIgnoreCase(args.metric().h2oName()))
      throw new IllegalStateException("the leaderboard is sorted by " + board.getSortMetric() + ", not " + args.metric().h2oName());
    Model leader = board.getLeader();
    double value = board.getSortMetricValues()[0];
    if (!Double.isFinite(value)) throw new IllegalStateException("the leader's cross-validated " + args.metric().h2oName() + " is " + value);
    return new Result(args.metric(), value, board.getModelCount(), leader._key.toString(), seconds);
  }

  /** The target as a class for auc/logloss and as a number for rmse, whatever H2O's guess; the fold column as a number. */
  private static Frame parse(BenchCsv data, Metric metric) {
    Key<?>[] source = {NFSFileVec.make(data.file().toFile())._key};
    ParseSetup setup = ParseSetup.guessSetup(source, false, ParseSetup.HAS_HEADER);
    String[] names = setup.getColumnNames();
    if (names == null || !List.of(names).equals(data.columns()))
      throw new IllegalStateException("H2O read the columns of " + data.file() + " as " + Arrays.toString(names)
          + ", expected " + data.columns());
    byte[] types = setup.getColumnTypes();
    int target = data.columns().indexOf(data.target());
    if (!metric.classification() && types[target] != Vec.T_NUM)
      throw new BadInputException("--metric rmse needs a numeric target; '" + data.target() + "' is not numeric");
    types[target] = metric.classification() ? Vec.T_CAT : Vec.T_NUM;
    types[data.columns().indexOf(data.foldColumn())] = Vec.T_NUM;
    setup.setColumnTypes(types);
    Frame frame = ParseDataset.parse(Key.make("gureum_bench_data"), source, true, setup);
    if (frame.numRows() != data.rows())
      throw new IllegalStateException("H2O parsed " + frame.numRows() + " rows of " + data.file() + ", expected " + data.rows());
    long classes = metric.classification() ? frame.vec(data.target()).cardinality() : 0;
    if (metric == Metric.AUC && classes != 2)
      throw new BadInputException("--metric auc needs a target with two classes; '" + data.target() + "' has " + classes
          + " (use logloss)");
    if (metric == Metric.LOGLOSS && classes < 2)
      throw new BadInputException("'" + data.target() + "' has " + classes + " class; logloss needs 2 or more");
    return frame;
  }
}
