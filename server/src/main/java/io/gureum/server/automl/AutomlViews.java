package io.gureum.server.automl;

import io.gureum.automl.ExperimentResult;
import io.gureum.automl.FeatureImportance;
import io.gureum.automl.LeaderboardEntry;
import io.gureum.automl.Metric;
import io.gureum.automl.Task;
import io.gureum.automl.data.ColumnProfile;
import io.gureum.automl.data.ColumnStats;
import io.gureum.automl.data.ValueCount;
import io.gureum.core.Problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The AutoML library's values as the API writes them: enums in lower case ({@code binary}, {@code auc}), statistics
 * that do not apply (the mean of a text column) as absent rather than NaN, which JSON cannot carry.
 */
final class AutomlViews {
    private AutomlViews() {}

    record ValueCountView(String value, long count) {}

    record StatsView(long count, long missing, long distinct, Double min, Double max, Double mean, Double std, List<ValueCountView> topValues) {}

    record ColumnView(String name, String type, StatsView stats) {}

    record EntryView(int rank, String modelId, String family, double score, Map<String, Double> metrics, long trainingMillis,
                     double predictionMicrosPerRow, long sizeBytes, Map<String, Object> params, List<String> members, List<Double> weights) {}

    record ImportanceView(String column, double importance) {}

    /** What an experiment's search found; stored when it ends. */
    record ResultView(String task, String metric, List<String> classes, String ending, int modelsTried, int modelsPruned, long searchMillis,
                      List<EntryView> leaderboard, List<ImportanceView> featureImportance) {}

    static String wire(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    static Task task(String wire) {
        if (wire == null) return null;
        try {
            return Task.valueOf(wire.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("task must be binary, multiclass or regression; got '" + wire + "'");
        }
    }

    static Metric metric(String wire) {
        if (wire == null) return null;
        try {
            return Metric.valueOf(wire.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("metric must be one of auc, logloss, accuracy (classification), rmse, mae, r2 (regression); got '" + wire + "'");
        }
    }

    static ColumnView column(ColumnProfile p) {
        ColumnStats s = p.stats();
        List<ValueCountView> top = s.topValues().stream().map(v -> new ValueCountView(v.value(), v.count())).toList();
        return new ColumnView(p.name(), wire(p.type()), new StatsView(s.count(), s.missing(), s.distinct(), finite(s.min()), finite(s.max()),
                finite(s.mean()), finite(s.std()), top));
    }

    static ResultView result(ExperimentResult r) {
        List<LeaderboardEntry> entries = r.leaderboard();
        List<EntryView> board = new java.util.ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            LeaderboardEntry e = entries.get(i);
            Map<String, Double> metrics = new LinkedHashMap<>();
            e.metrics().forEach((m, v) -> metrics.put(wire(m), finite(v)));
            board.add(new EntryView(i + 1, e.modelId(), e.family(), e.score(), metrics, e.trainingMillis(), e.predictionMicrosPerRow(), e.sizeBytes(),
                    e.params(), e.members(), e.weights()));
        }
        List<FeatureImportance> importance = entries.isEmpty() ? List.of() : r.featureImportance();
        return new ResultView(wire(r.task()), wire(r.metric()), r.classes(), wire(r.ending()), r.modelsTried(), r.modelsPruned(), r.searchMillis(),
                board, importance.stream().map(f -> new ImportanceView(f.column(), f.importance())).toList());
    }

    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static Double finite(Double v) {
        return v == null || !Double.isFinite(v) ? null : v;
    }
}
