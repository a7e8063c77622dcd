package io.gureum.automl;

import io.gureum.automl.data.CsvOptions;
import io.gureum.automl.data.Dataset;
import io.gureum.core.Problem;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

/** A wrong target or setting is a 422 problem with a stable code, raised before any training. */
class ExperimentProblemsTest {
    private static final Dataset DATA = data();

    private static Dataset data() {
        StringBuilder csv = new StringBuilder("id,size,colour,same,comment,label\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i + 1).append(',').append(i % 7).append(',').append(i % 2 == 0 ? "red" : "blue").append(",x,")
                    .append("\"a long free text comment number ").append(i).append(" about things\",").append(i % 3 == 0 ? "yes" : "no").append('\n');
        }
        return Dataset.read(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), CsvOptions.defaults());
    }

    private static void assertProblem(ExperimentSpec spec, String code, String detailPart) {
        assertThatThrownBy(() -> AutoMl.run(DATA, spec.withTimeBudget(Duration.ofSeconds(1)), ProgressListener.NONE, () -> false))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.code()).isEqualTo(code);
                    assertThat(p.detail()).contains(detailPart);
                });
    }

    @Test
    void unknownTarget() { assertProblem(ExperimentSpec.forTarget("price"), "unknown_target", "no column 'price'"); }

    @Test
    void constantTarget() { assertProblem(ExperimentSpec.forTarget("same"), "constant_target", "nothing to predict"); }

    @Test
    void freeTextAndIdTargets() {
        assertProblem(ExperimentSpec.forTarget("comment"), "unusable_target", "text");
        assertProblem(ExperimentSpec.forTarget("id"), "unusable_target", "id");
    }

    @Test
    void regressionOnCategories() {
        assertProblem(ExperimentSpec.forTarget("colour").withTask(Task.REGRESSION), "target_not_numeric", "numeric");
    }

    @Test
    void binaryOnManyClassesAndMetricOfAnotherTask() {
        assertProblem(ExperimentSpec.forTarget("size").withTask(Task.BINARY), "task_mismatch", "2 classes");
        assertProblem(ExperimentSpec.forTarget("label").withMetric(Metric.RMSE), "metric_mismatch", "RMSE");
    }

    @Test
    void badFoldsAndExcludedColumns() {
        assertProblem(ExperimentSpec.forTarget("label").withFoldIds(new int[]{0, 1, 2}), "invalid_fold_ids", "one fold id per data row (40)");
        assertProblem(ExperimentSpec.forTarget("label").withFoldIds(new int[40]), "invalid_fold_ids", "only one fold");
        assertProblem(ExperimentSpec.forTarget("label").withFolds(1), "invalid_folds", "at least 2");
        assertProblem(ExperimentSpec.forTarget("label").withExcludeColumns(Set.of("nope")), "unknown_column", "'nope'");
        assertProblem(ExperimentSpec.forTarget("label").withExcludeColumns(Set.of("size", "colour", "comment")), "no_features", "no column");
    }
}
