package io.gureum.automl;

import io.gureum.automl.data.Column;
import io.gureum.automl.data.ColumnProfile;
import io.gureum.automl.data.ColumnType;
import io.gureum.automl.data.Dataset;
import io.gureum.core.Problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks the target an experiment names and infers its task: two distinct values are BINARY, more categories
 * MULTICLASS, numbers REGRESSION. Each wrong choice is a 422 {@link Problem} with a stable code.
 */
final class Targets {
    static final int MAX_CLASSES = 200;

    private Targets() {}

    static Target resolve(Dataset data, ExperimentSpec spec) {
        ColumnProfile profile = data.profile(spec.target()).orElseThrow(() -> problem("unknown_target",
                "no column '" + spec.target() + "'; the columns are " + data.table().columnNames(), spec.target()));
        ColumnType type = profile.type();
        if (type == ColumnType.CONSTANT) {
            throw problem("constant_target", "column '" + spec.target() + "' has " + profile.stats().distinct()
                    + " distinct value(s): there is nothing to predict", spec.target());
        }
        if (type == ColumnType.TEXT || type == ColumnType.ID || type == ColumnType.DATETIME) {
            throw problem("unusable_target", "column '" + spec.target() + "' looks like " + type.name().toLowerCase()
                    + " (" + profile.stats().distinct() + " distinct values in " + profile.stats().count()
                    + " rows): pick a category or a number to predict", spec.target());
        }
        boolean numeric = type == ColumnType.NUMERIC;
        Task task = spec.task();
        if (task == null) task = profile.stats().distinct() == 2 ? Task.BINARY : numeric ? Task.REGRESSION : Task.MULTICLASS;
        if (task == Task.REGRESSION && !numeric) {
            throw problem("target_not_numeric", "regression needs a numeric target; column '" + spec.target() + "' is "
                    + type.name().toLowerCase(), spec.target());
        }
        if (task == Task.BINARY && profile.stats().distinct() != 2) {
            throw problem("task_mismatch", "binary classification needs 2 classes; column '" + spec.target() + "' has "
                    + profile.stats().distinct(), spec.target());
        }
        if (task == Task.MULTICLASS && profile.stats().distinct() > MAX_CLASSES) {
            throw problem("task_mismatch", "column '" + spec.target() + "' has " + profile.stats().distinct()
                    + " distinct values, more than " + MAX_CLASSES + " classes", spec.target());
        }
        Metric metric = spec.metric();
        if (metric != null && !metric.appliesTo(task)) {
            throw problem("metric_mismatch", "metric " + metric + " does not apply to " + task + "; use one of "
                    + Metric.forTask(task), spec.target());
        }
        Column column = data.table().column(spec.target()).orElseThrow();
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < column.size(); r++) if (!column.isMissing(r)) rows.add(r);
        int[] idx = rows.stream().mapToInt(Integer::intValue).toArray();
        double[] y = new double[idx.length];
        List<String> classes = List.of();
        if (task == Task.REGRESSION) {
            for (int i = 0; i < idx.length; i++) y[i] = column.number(idx[i]);
        } else {
            TreeSet<String> distinct = new TreeSet<>(numeric ? Comparator.comparingDouble(Targets::number).thenComparing(Comparator.naturalOrder())
                    : Comparator.<String>naturalOrder());
            for (int r : idx) distinct.add(column.text(r));
            classes = List.copyOf(distinct);
            Map<String, Integer> index = new HashMap<>();
            for (int c = 0; c < classes.size(); c++) index.put(classes.get(c), c);
            for (int i = 0; i < idx.length; i++) y[i] = index.get(column.text(idx[i]));
        }
        return new Target(spec.target(), task, classes, idx, y);
    }

    private static double number(String s) {
        try { return Double.parseDouble(s); } catch (NumberFormatException e) { return Double.NaN; }
    }

    static Problem problem(String code, String detail, String target) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("target", target);
        return new Problem(422, code, "Unusable experiment", detail, ext);
    }
}
