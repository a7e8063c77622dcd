package io.gureum.automl;

import io.gureum.automl.data.Dataset;
import io.gureum.automl.model.ModelCard;
import io.gureum.automl.model.RowPrediction;
import io.gureum.automl.model.ScoringModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * End to end on the shared datasets with short budgets, asserting floors below what was measured on the 2-core
 * development machine (see each test), and the scoring artifact: refit, bytes round trip, identical predictions,
 * per-row errors.
 */
class AutoMlSharedDataTest {
    @Test
    void creditG() {
        Dataset data = SharedCsv.load("credit-g.csv");
        List<Progress> progress = new ArrayList<>();
        ExperimentResult result = AutoMl.run(data, ExperimentSpec.forTarget("class").withTimeBudget(Duration.ofSeconds(20)),
                progress::add, () -> false);
        assertThat(result.task()).isEqualTo(Task.BINARY);
        assertThat(result.metric()).isEqualTo(Metric.AUC);
        assertThat(result.classes()).containsExactly("bad", "good");
        // measured 0.798-0.801 (5-fold CV, 8-20 s, on a loaded machine); AMLB 2019 publishes 0.789 for H2O AutoML with 1 h
        assertThat(result.leader().score()).isGreaterThan(0.78);
        assertThat(result.leaderboard()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(result.leaderboard()).extracting(LeaderboardEntry::family).contains("XGBoost", "LightGBM", "GLM");
        for (LeaderboardEntry e : result.leaderboard()) {
            assertThat(e.metrics()).containsKeys(Metric.AUC, Metric.LOGLOSS, Metric.ACCURACY);
            assertThat(e.sizeBytes()).isPositive();
            assertThat(e.predictionMicrosPerRow()).isPositive();
        }
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1).modelsTrained()).isEqualTo(result.leaderboard().stream()
                .filter(e -> !e.family().equals("StackedEnsemble")).count());
        List<FeatureImportance> importance = result.featureImportance();
        assertThat(importance).hasSize(20);
        assertThat(importance.get(0).column()).isIn("checking_status", "credit_amount", "duration", "purpose");
        assertThat(importance.stream().mapToDouble(FeatureImportance::importance).sum()).isCloseTo(1.0, within(1e-6));

        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, String> r : data.preview(50)) rows.add(new HashMap<>(r));
        try (ScoringModel model = result.leaderModel(); ScoringModel reloaded = ScoringModel.parse(model.toBytes())) {
            List<RowPrediction> before = model.predict(rows);
            List<RowPrediction> after = reloaded.predict(rows);
            assertThat(after).isEqualTo(before);
            assertThat(before).allMatch(RowPrediction::ok);
            assertThat(before.get(0).probabilities()).containsOnlyKeys("bad", "good");
            long right = 0;
            for (int i = 0; i < rows.size(); i++) if (before.get(i).label().equals(rows.get(i).get("class"))) right++;
            assertThat(right).isGreaterThan(35); // training rows: the refitted model knows them

            ModelCard card = reloaded.card();
            assertThat(card).isEqualTo(model.card());
            assertThat(card.modelId()).isEqualTo(result.leader().modelId());
            assertThat(card.target()).isEqualTo("class");
            assertThat(card.trainingRows()).isEqualTo(1000);
            assertThat(card.schema()).hasSize(20);
            assertThat(card.libraries()).containsEntry("xgboost4j", "3.4.0").containsEntry("lightgbm4j", "4.3.0-1");
            assertThat(card.cvMetrics()).containsKey("auc");

            Map<String, Object> unknownCategory = new HashMap<>(rows.get(0));
            unknownCategory.put("purpose", "spaceship");
            unknownCategory.put("age", 41); // a number as a number
            Map<String, Object> missingColumn = new HashMap<>(rows.get(1));
            missingColumn.remove("duration");
            Map<String, Object> badNumber = new HashMap<>(rows.get(2));
            badNumber.put("credit_amount", "lots");
            Map<String, Object> nullValue = new HashMap<>(rows.get(3));
            nullValue.put("age", null);
            List<RowPrediction> mixed = model.predict(List.of(unknownCategory, missingColumn, badNumber, nullValue));
            assertThat(mixed.get(0).ok()).isTrue();
            assertThat(mixed.get(1).error()).contains("duration");
            assertThat(mixed.get(2).error()).contains("credit_amount").contains("not a number");
            assertThat(mixed.get(3).ok()).isTrue();
        }
    }

    @Test
    void iris() {
        ExperimentResult result = AutoMl.run(SharedCsv.load("iris.csv"), ExperimentSpec.forTarget("target").withTimeBudget(Duration.ofSeconds(8)),
                ProgressListener.NONE, () -> false);
        assertThat(result.task()).isEqualTo(Task.MULTICLASS);
        assertThat(result.metric()).isEqualTo(Metric.LOGLOSS);
        assertThat(result.classes()).containsExactly("setosa", "versicolor", "virginica");
        // measured: the GLM leads, accuracy 0.973, log loss 0.0875
        assertThat(result.leader().metrics().get(Metric.ACCURACY)).isGreaterThan(0.93);
        assertThat(result.leader().score()).isLessThan(0.25);
    }

    @Test
    void cpuRegression() {
        ExperimentResult result = AutoMl.run(SharedCsv.load("cpu-regression.csv"), ExperimentSpec.forTarget("class").withTimeBudget(Duration.ofSeconds(10)),
                ProgressListener.NONE, () -> false);
        assertThat(result.task()).isEqualTo(Task.REGRESSION);
        assertThat(result.metric()).isEqualTo(Metric.RMSE);
        // measured RMSE 43.3-43.8 (8-60 s); the issue author measured H2O at 49.1 with 60 s, default XGBoost at 57.6
        assertThat(result.leader().score()).isLessThan(55);
        try (var model = result.leaderModel()) {
            var p = model.predict(List.of(Map.of("MYCT", 125, "MMIN", 256, "MMAX", 6000, "CACH", 256, "CHMIN", 16, "CHMAX", 128)));
            assertThat(p.get(0).value()).isBetween(50.0, 400.0); // the file's first row has class 198
        }
    }
}
