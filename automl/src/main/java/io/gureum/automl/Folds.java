package io.gureum.automl;

import io.gureum.core.Problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Cross-validation folds over the target's rows: seeded and stratified by class, or taken from the caller. */
public final class Folds {
    private Folds() {}

    /**
     * {@code k} folds: for classification each class's rows are shuffled and dealt round-robin (so every fold has the
     * class balance of the whole), for regression all rows are shuffled and dealt. Same seed, same folds.
     */
    public static int[] stratified(double[] y, boolean classification, int k, long seed) {
        if (k < 2) throw Targets.problem("invalid_folds", "need at least 2 folds, got " + k, "");
        int n = y.length;
        if (n < k) throw Targets.problem("invalid_folds", n + " rows cannot make " + k + " folds", "");
        Random random = new Random(seed);
        Map<Double, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < n; i++) groups.computeIfAbsent(classification ? y[i] : 0.0, g -> new ArrayList<>()).add(i);
        int[] folds = new int[n];
        int next = 0;
        for (List<Integer> group : groups.values()) {
            Collections.shuffle(group, random);
            for (int i : group) folds[i] = next++ % k;
        }
        return folds;
    }

    /**
     * The folds an experiment with {@code spec} would cut, one per data row of {@code data} (rows without a target
     * get fold 0): what a benchmark writes out so that other tools cross-validate on the very same rows.
     */
    public static int[] forRows(io.gureum.automl.data.Dataset data, ExperimentSpec spec) {
        Target target = Targets.resolve(data, spec);
        int[] folds = stratified(target.y(), target.task() != Task.REGRESSION, spec.folds(), spec.seed());
        int[] perRow = new int[data.rowCount()];
        for (int i = 0; i < folds.length; i++) perRow[target.rows()[i]] = folds[i];
        return perRow;
    }

    /** Folds from ids given for every data row of the file, restricted to the rows with a target; ids renumbered 0.. */
    static int[] explicit(int[] idsPerTableRow, int tableRows, int[] targetRows) {
        if (idsPerTableRow.length != tableRows) {
            throw Targets.problem("invalid_fold_ids", "expected one fold id per data row (" + tableRows + "), got "
                    + idsPerTableRow.length, "");
        }
        Map<Integer, Integer> renumber = new LinkedHashMap<>();
        int[] folds = new int[targetRows.length];
        for (int i = 0; i < targetRows.length; i++) {
            folds[i] = renumber.computeIfAbsent(idsPerTableRow[targetRows[i]], id -> renumber.size());
        }
        if (renumber.size() < 2) throw Targets.problem("invalid_fold_ids", "fold ids name only one fold; need at least 2", "");
        return folds;
    }
}
