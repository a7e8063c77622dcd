package io.gureum.automl;

import io.gureum.automl.learn.Learner;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What to learn and how long to search: the target column; the task and metric (inferred/defaulted when null);
 * the time budget for the search; cross-validation by {@code folds} seeded folds (stratified for classification)
 * or by explicit {@code foldIds}, one per data row of the file; columns to leave out; the seed. {@code candidates},
 * when set, replaces the search with exactly these learners (for baselines); {@code ensemble} adds the stacked
 * ensemble. Build with {@link #forTarget} and the {@code with*} methods.
 */
public record ExperimentSpec(String target, Task task, Metric metric, Duration timeBudget, int folds, int[] foldIds,
                             Set<String> excludeColumns, long seed, List<Learner> candidates, boolean ensemble) {
    public static final int DEFAULT_FOLDS = 5;

    public ExperimentSpec {
        excludeColumns = Set.copyOf(excludeColumns);
        candidates = candidates == null ? null : List.copyOf(candidates);
        foldIds = foldIds == null ? null : foldIds.clone();
    }

    public static ExperimentSpec forTarget(String target) {
        return new ExperimentSpec(target, null, null, Duration.ofSeconds(60), DEFAULT_FOLDS, null, Set.of(), 42, null, true);
    }

    public ExperimentSpec withTask(Task t) { return new ExperimentSpec(target, t, metric, timeBudget, folds, foldIds, excludeColumns, seed, candidates, ensemble); }
    public ExperimentSpec withMetric(Metric m) { return new ExperimentSpec(target, task, m, timeBudget, folds, foldIds, excludeColumns, seed, candidates, ensemble); }
    public ExperimentSpec withTimeBudget(Duration d) { return new ExperimentSpec(target, task, metric, d, folds, foldIds, excludeColumns, seed, candidates, ensemble); }
    public ExperimentSpec withFolds(int k) { return new ExperimentSpec(target, task, metric, timeBudget, k, null, excludeColumns, seed, candidates, ensemble); }
    /** Explicit folds: {@code ids[r]} is the fold of data row r (0-based, header not counted); any integers. */
    public ExperimentSpec withFoldIds(int[] ids) { return new ExperimentSpec(target, task, metric, timeBudget, folds, ids, excludeColumns, seed, candidates, ensemble); }
    public ExperimentSpec withExcludeColumns(Set<String> cols) { return new ExperimentSpec(target, task, metric, timeBudget, folds, foldIds, cols, seed, candidates, ensemble); }
    public ExperimentSpec withSeed(long s) { return new ExperimentSpec(target, task, metric, timeBudget, folds, foldIds, excludeColumns, s, candidates, ensemble); }
    public ExperimentSpec withCandidates(List<Learner> only) { return new ExperimentSpec(target, task, metric, timeBudget, folds, foldIds, excludeColumns, seed, only, ensemble); }
    public ExperimentSpec withEnsemble(boolean e) { return new ExperimentSpec(target, task, metric, timeBudget, folds, foldIds, excludeColumns, seed, candidates, e); }
}
