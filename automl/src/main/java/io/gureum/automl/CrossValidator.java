package io.gureum.automl;

import io.gureum.automl.learn.FittedModel;
import io.gureum.automl.learn.Learner;
import io.gureum.automl.learn.LearningTask;
import io.gureum.automl.learn.Stopped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Runs one learner through every fold, folds side by side on the pool (each model single-threaded: on a small,
 * shared machine, OpenMP threads of one model wait on each other far more than independent folds do), and
 * collects out-of-fold predictions. After the first {@link #PRUNE_AFTER} folds it compares the model with the best
 * finished one on the same rows and gives up when it is clearly worse, so the search spends its time on
 * configurations that can still win.
 */
final class CrossValidator {
    static final int PRUNE_AFTER = 2;

    private final List<Fold> folds;
    private final Target target;
    private final Metric metric;
    private final LearningTask task;
    private final ExecutorService pool;

    CrossValidator(List<Fold> folds, Target target, Metric metric, LearningTask task, ExecutorService pool) {
        this.folds = folds;
        this.target = target;
        this.metric = metric;
        this.task = task;
        this.pool = pool;
    }

    /** One fold's model, measured and summarised; the model itself is closed once this is taken. */
    private record FoldOutcome(double[][] predictions, int rounds, long trainNanos, long predictNanos, long size, double[] importance) {}

    /**
     * The learner's cross-validation, or null when pruned against {@code best} (null: never pruned). Throws
     * {@link Stopped} when {@code stop} turns true mid-way. {@code foldsDone} hears the count of finished folds.
     */
    CandidateResult run(String modelId, Learner learner, CandidateResult best, BooleanSupplier stop, IntConsumer foldsDone) {
        int n = target.rows().length;
        int k = folds.size();
        double[][] oof = new double[n][];
        int[] rounds = new int[k];
        long trainNanos = 0, predictNanos = 0, size = 0;
        Map<String, Double> importance = new HashMap<>();
        int first = best != null ? Math.min(PRUNE_AFTER, k) : k;
        List<int[]> batches = first < k ? List.of(range(0, first), range(first, k)) : List.<int[]>of(range(0, k));
        int finished = 0;
        List<Integer> doneRows = new ArrayList<>();
        for (int b = 0; b < batches.size(); b++) {
            int[] batch = batches.get(b);
            List<FoldOutcome> outcomes = runBatch(learner, batch, stop);
            for (int j = 0; j < batch.length; j++) {
                Fold fold = folds.get(batch[j]);
                FoldOutcome o = outcomes.get(j);
                for (int i = 0; i < o.predictions().length; i++) oof[fold.validPositions()[i]] = o.predictions()[i];
                for (int p : fold.validPositions()) doneRows.add(p);
                rounds[batch[j]] = o.rounds();
                trainNanos += o.trainNanos();
                predictNanos += o.predictNanos();
                size += o.size();
                addImportance(importance, o.importance(), fold.pipeline().featureSources());
            }
            finished += batch.length;
            foldsDone.accept(finished);
            if (b == 0 && batches.size() > 1 && clearlyWorse(oof, best.oof(), doneRows.stream().mapToInt(Integer::intValue).toArray())) {
                return null;
            }
        }
        double total = importance.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total > 0) importance.replaceAll((key, v) -> v / total);
        return new CandidateResult(modelId, learner, oof, rounds, trainNanos / 1_000_000, predictNanos / 1e3 / n, size / k, importance);
    }

    private List<FoldOutcome> runBatch(Learner learner, int[] batch, BooleanSupplier stop) {
        List<Future<FoldOutcome>> futures = new ArrayList<>();
        for (int f : batch) futures.add(pool.submit(() -> fitFold(learner, folds.get(f), stop)));
        List<FoldOutcome> out = new ArrayList<>();
        RuntimeException failure = null;
        for (Future<FoldOutcome> future : futures) {
            try {
                out.add(future.get());
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                if (failure == null || failure instanceof Stopped) failure = cause;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new Stopped();
            }
        }
        if (failure != null) throw failure;
        return out;
    }

    private FoldOutcome fitFold(Learner learner, Fold fold, BooleanSupplier stop) {
        long t0 = System.nanoTime();
        try (FittedModel model = learner.fit(fold.train(), fold.valid(), task, stop)) {
            long t1 = System.nanoTime();
            double[][] p = model.predict(fold.valid().x());
            long t2 = System.nanoTime();
            return new FoldOutcome(p, model.rounds(), t1 - t0, t2 - t1, model.toBytes().length, model.importance());
        }
    }

    private boolean clearlyWorse(double[][] candidate, double[][] best, int[] rows) {
        double mine = metric.compute(candidate, target.y(), rows);
        double theirs = metric.compute(best, target.y(), rows);
        if (Double.isNaN(mine) || Double.isNaN(theirs)) return false;
        return metric.higherIsBetter() ? mine < theirs - 0.01 : mine > theirs * 1.03;
    }

    /** Adds a fold model's per-feature importance (normalised) to its source columns. */
    private static void addImportance(Map<String, Double> into, double[] features, List<String> sources) {
        double sum = 0;
        for (double v : features) sum += Math.max(0, v);
        if (sum <= 0) return;
        for (int i = 0; i < features.length && i < sources.size(); i++) into.merge(sources.get(i), Math.max(0, features[i]) / sum, Double::sum);
    }

    private static int[] range(int from, int to) { return java.util.stream.IntStream.range(from, to).toArray(); }
}
