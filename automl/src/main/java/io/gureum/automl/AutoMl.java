package io.gureum.automl;

import io.gureum.automl.data.ColumnProfile;
import io.gureum.automl.data.ColumnType;
import io.gureum.automl.data.Dataset;
import io.gureum.automl.features.FeatureMatrix;
import io.gureum.automl.features.FeaturePipeline;
import io.gureum.automl.learn.Learner;
import io.gureum.automl.learn.LearningTask;
import io.gureum.automl.learn.Stopped;
import io.gureum.automl.learn.TrainingData;
import io.gureum.core.Problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * AutoML on a table: resolves the target, cuts the folds, encodes each fold once (preprocessing fitted on the
 * fold's training rows only), then cross-validates learners from the {@link SearchPlan} until the time budget
 * ends or {@code cancel} turns true, and finally blends the best into a stacked ensemble. The first model always
 * finishes (unless cancelled), so a result has a leader even on a budget too small for one model.
 */
public final class AutoMl {
    /** Models entering ensemble selection: the best of the leaderboard. */
    static final int ENSEMBLE_POOL = 10;

    private AutoMl() {}

    public static ExperimentResult run(Dataset data, ExperimentSpec spec, ProgressListener listener, BooleanSupplier cancel) {
        long start = System.nanoTime();
        Target target = Targets.resolve(data, spec);
        Metric metric = spec.metric() != null ? spec.metric() : Metric.defaultFor(target.task());
        List<ColumnProfile> features = featureColumns(data, spec);
        int[] foldOf = spec.foldIds() != null ? Folds.explicit(spec.foldIds(), data.rowCount(), target.rows())
                : Folds.stratified(target.y(), target.task() != Task.REGRESSION, spec.folds(), spec.seed());
        int k = Arrays.stream(foldOf).max().orElse(0) + 1;
        // one thread per model, folds side by side: see CrossValidator
        LearningTask task = new LearningTask(target.task(), target.classCount(), spec.seed(), 1);

        int workers = Math.max(1, Math.min(k, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "automl-fold");
            t.setDaemon(true);
            return t;
        });
        try {
            listener.onProgress(new Progress(0, Double.NaN, 0, "encoding " + k + " folds"));
            List<Future<Fold>> encoding = new ArrayList<>();
            for (int f = 0; f < k; f++) {
                int fold = f;
                encoding.add(pool.submit(() -> encode(data, features, target, foldOf, fold, task, spec.seed())));
            }
            List<Fold> folds = new ArrayList<>();
            for (Future<Fold> e : encoding) folds.add(join(e));
            return search(data, spec, listener, cancel, start, target, metric, features, foldOf, k, task, folds, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ExperimentResult search(Dataset data, ExperimentSpec spec, ProgressListener listener, BooleanSupplier cancel,
                                           long start, Target target, Metric metric, List<ColumnProfile> features, int[] foldOf,
                                           int k, LearningTask task, List<Fold> folds, ExecutorService pool) {
        long budgetNanos = spec.timeBudget().toNanos();
        long deadline = start + budgetNanos;
        CrossValidator cv = new CrossValidator(folds, target, metric, task, pool);
        SearchPlan plan = new SearchPlan(target.rows().length, folds.get(0).train().x().cols(), spec.seed());
        List<Learner> fixed = spec.candidates();
        List<CandidateResult> done = new ArrayList<>();
        Map<String, Integer> familyCounts = new HashMap<>();
        CandidateResult best = null;
        double bestScore = Double.NaN;
        int tried = 0, pruned = 0;
        ExperimentResult.Ending ending = ExperimentResult.Ending.COMPLETED;
        while (true) {
            if (cancel.getAsBoolean()) { ending = ExperimentResult.Ending.CANCELLED; break; }
            if (!done.isEmpty() && System.nanoTime() > deadline) { ending = ExperimentResult.Ending.TIME_BUDGET; break; }
            if (fixed != null && tried >= fixed.size()) break;
            Learner learner = fixed != null ? fixed.get(tried) : plan.next();
            boolean prunable = fixed == null && tried >= plan.defaultCount();
            tried++;
            String id = learner.family() + "_" + familyCounts.merge(learner.family(), 1, Integer::sum);
            boolean first = done.isEmpty();
            BooleanSupplier stop = () -> cancel.getAsBoolean() || (!first && System.nanoTime() > deadline);
            int modelsSoFar = done.size();
            double scoreSoFar = bestScore;
            CandidateResult r;
            try {
                r = cv.run(id, learner, prunable ? best : null, stop, f -> listener.onProgress(new Progress(modelsSoFar, scoreSoFar,
                        fraction(start, budgetNanos), id + ": fold " + f + " of " + k + " done")));
            } catch (Stopped e) {
                ending = cancel.getAsBoolean() ? ExperimentResult.Ending.CANCELLED : ExperimentResult.Ending.TIME_BUDGET;
                break;
            }
            if (r == null) { pruned++; continue; }
            done.add(r);
            double score = metric.compute(r.oof(), target.y());
            if (best == null || metric.better(score, bestScore)) { best = r; bestScore = score; }
            listener.onProgress(new Progress(done.size(), bestScore, fraction(start, budgetNanos), id + " done"));
        }

        List<LeaderboardEntry> board = new ArrayList<>();
        for (CandidateResult r : done) board.add(entry(r, target, metric));
        ExperimentResult.Ensemble ensemble = null;
        if (spec.ensemble() && done.size() >= 2) {
            ensemble = ensemble(done, board, target, metric, foldOf, k);
            if (ensemble != null) board.add(ensemble.entry());
        }
        board.sort(Comparator.comparingDouble(e -> metric.loss(e.score())));
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new ExperimentResult(data, spec, target, metric, features, List.copyOf(board), done, ensemble, k, tried, pruned, ending, millis);
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while encoding folds", e);
        }
    }

    private static double fraction(long start, long budgetNanos) {
        return Math.min(1.0, (System.nanoTime() - start) / (double) budgetNanos);
    }

    /** The columns that become features: all but the target, the excluded ones, and ID or constant columns. */
    static List<ColumnProfile> featureColumns(Dataset data, ExperimentSpec spec) {
        for (String c : spec.excludeColumns()) {
            if (data.profile(c).isEmpty()) {
                throw new Problem(422, "unknown_column", "Unusable experiment", "excludeColumns names '" + c
                        + "', which is not a column; the columns are " + data.table().columnNames(), Map.of("column", c));
            }
        }
        List<ColumnProfile> out = data.profiles().stream()
                .filter(p -> !p.name().equals(spec.target()) && !spec.excludeColumns().contains(p.name()))
                .filter(p -> p.type() != ColumnType.ID && p.type() != ColumnType.CONSTANT)
                .toList();
        if (out.isEmpty()) {
            throw Targets.problem("no_features", "no column is left to learn from once the target, excluded, ID and constant columns are dropped", spec.target());
        }
        return out;
    }

    private static Fold encode(Dataset data, List<ColumnProfile> features, Target target, int[] foldOf, int f, LearningTask task, long seed) {
        int n = foldOf.length;
        int[] trainPos = java.util.stream.IntStream.range(0, n).filter(i -> foldOf[i] != f).toArray();
        int[] validPos = java.util.stream.IntStream.range(0, n).filter(i -> foldOf[i] == f).toArray();
        int[] trainRows = Arrays.stream(trainPos).map(i -> target.rows()[i]).toArray();
        int[] validRows = Arrays.stream(validPos).map(i -> target.rows()[i]).toArray();
        double[] yTrain = Arrays.stream(trainPos).mapToDouble(i -> target.y()[i]).toArray();
        double[] yValid = Arrays.stream(validPos).mapToDouble(i -> target.y()[i]).toArray();
        FeaturePipeline.Fitted fitted = FeaturePipeline.fit(data.table(), features, trainRows, yTrain, task.task(), task.classes(), seed + f);
        FeatureMatrix valid = fitted.pipeline().transform(data.table(), validRows);
        return new Fold(trainPos, validPos, fitted.pipeline(), new TrainingData(fitted.train(), yTrain), new TrainingData(valid, yValid));
    }

    private static LeaderboardEntry entry(CandidateResult r, Target target, Metric metric) {
        Map<Metric, Double> metrics = new LinkedHashMap<>();
        for (Metric m : Metric.forTask(target.task())) metrics.put(m, m.compute(r.oof(), target.y()));
        metrics.put(metric, metric.compute(r.oof(), target.y()));
        return new LeaderboardEntry(r.modelId(), r.learner().family(), metrics.get(metric), metrics, r.trainingMillis(),
                r.predictionMicrosPerRow(), r.sizeBytes(), r.learner().params(), List.of(), List.of());
    }

    /**
     * The stacked ensemble of the best models, weights chosen on all out-of-fold predictions. Its score is on the same
     * footing as the single models' (each of which was itself picked among many on the same rows): the blend's
     * out-of-fold metric. The stricter cross-fitted figure (each fold's rows blended with weights chosen on the other
     * folds) is kept in its params as {@code cross_fitted_<metric>}: on small data it swings with which near-twin
     * booster each fold's selection happens to pick, and ranking by it would throw away the ensemble that usually
     * generalises best.
     */
    private static ExperimentResult.Ensemble ensemble(List<CandidateResult> done, List<LeaderboardEntry> board, Target target,
                                                      Metric metric, int[] foldOf, int k) {
        // the best models overall, plus each family's best: the top ten are often near-twins of one booster, and a
        // blend gains most from a model that errs differently (as H2O's best-of-family ensemble knows)
        List<CandidateResult> ranked = done.stream()
                .sorted(Comparator.comparingDouble(r -> metric.loss(metric.compute(r.oof(), target.y())))).toList();
        java.util.LinkedHashSet<CandidateResult> chosenPool = new java.util.LinkedHashSet<>(ranked.subList(0, Math.min(ENSEMBLE_POOL, ranked.size())));
        java.util.Set<String> families = new java.util.HashSet<>();
        for (CandidateResult r : ranked) if (families.add(r.learner().family())) chosenPool.add(r);
        List<CandidateResult> pool = List.copyOf(chosenPool);
        List<double[][]> oofs = pool.stream().map(CandidateResult::oof).toList();
        // weights chosen on the log loss (RMSE) whatever the metric: a smooth loss over probabilities picks blends
        // that hold up on new rows better than a rank metric like AUC, which a few rows can swing
        Metric blendLoss = target.task() == Task.REGRESSION ? Metric.RMSE : Metric.LOGLOSS;
        double[] weights = EnsembleSelection.select(oofs, target.y(), blendLoss, null);
        if (Arrays.stream(weights).filter(w -> w > 0).count() < 2) return null;
        double[][] crossFitted = new double[target.y().length][];
        for (int f = 0; f < k; f++) {
            int ff = f;
            int[] others = java.util.stream.IntStream.range(0, foldOf.length).filter(i -> foldOf[i] != ff).toArray();
            double[] w = EnsembleSelection.select(oofs, target.y(), blendLoss, others);
            double[][] blend = EnsembleSelection.blend(oofs, w);
            for (int i = 0; i < foldOf.length; i++) if (foldOf[i] == f) crossFitted[i] = blend[i];
        }
        double[][] blended = EnsembleSelection.blend(oofs, weights);
        Map<Metric, Double> metrics = new LinkedHashMap<>();
        for (Metric m : Metric.forTask(target.task())) metrics.put(m, m.compute(blended, target.y()));
        metrics.put(metric, metric.compute(blended, target.y()));
        List<String> members = new ArrayList<>();
        List<Double> memberWeights = new ArrayList<>();
        List<CandidateResult> chosen = new ArrayList<>();
        long training = 0, size = 0;
        double micros = 0;
        for (int i = 0; i < pool.size(); i++) {
            if (weights[i] <= 0) continue;
            CandidateResult r = pool.get(i);
            members.add(r.modelId());
            memberWeights.add(weights[i]);
            chosen.add(r);
            training += r.trainingMillis();
            size += r.sizeBytes();
            micros += r.predictionMicrosPerRow();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("method", "ensemble selection (Caruana et al. 2004) over out-of-fold predictions");
        params.put("pool", pool.size());
        params.put("cross_fitted_" + metric.name().toLowerCase(), metric.compute(crossFitted, target.y()));
        LeaderboardEntry entry = new LeaderboardEntry("StackedEnsemble_Best" + pool.size(), "StackedEnsemble", metrics.get(metric), metrics,
                training, micros, size, params, members, memberWeights);
        return new ExperimentResult.Ensemble(entry, chosen, memberWeights.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
