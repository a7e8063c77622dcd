package io.gureum.server.automl;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.automl.AutoMl;
import io.gureum.automl.ExperimentResult;
import io.gureum.automl.ExperimentSpec;
import io.gureum.automl.LeaderboardEntry;
import io.gureum.automl.data.Dataset;
import io.gureum.automl.model.ScoringModel;
import io.gureum.core.Problem;
import io.gureum.platform.automl.AutomlStore;
import io.gureum.platform.automl.StoredDataset;
import io.gureum.platform.automl.StoredModel;
import io.gureum.platform.operations.OperationContext;
import io.gureum.platform.operations.OperationHandler;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs an AutoML experiment: reads the dataset, searches within the time budget (progress: models trained, best
 * score, share of the budget), then refits the best {@code saveModels} entries on all rows and saves them with their
 * model cards. Cancelling stops the search at the next fold; the models finished so far stay on the leaderboard and
 * the leader is still saved, so a cancelled experiment is not wasted.
 */
public final class ExperimentOperation implements OperationHandler {
    public static final String KIND = "automl.experiment";
    /** Progress is written to the experiment's row at most this often (the search reports after every fold). */
    private static final long PROGRESS_WRITE_NANOS = 1_000_000_000L;

    /** What the operation stores: the experiment and its accepted request. */
    public record Input(String experimentId, String datasetId, String target, String task, String metric, int timeBudgetSeconds, int folds,
                        List<String> excludeColumns, long seed, int saveModels) {}

    /** The operation's result: the search's result and the models saved. */
    public record Output(String experimentId, AutomlViews.ResultView result, List<String> modelIds) {}

    private final AutomlStore store;
    private final ObjectMapper json;

    public ExperimentOperation(AutomlStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public byte[] run(OperationContext context) throws Exception {
        Input in = json.readValue(context.input(), Input.class);
        String project = context.projectId();
        StoredDataset stored = store.dataset(project, in.datasetId());
        Dataset data;
        try (InputStream csv = store.openDataset(stored)) {
            data = Dataset.of(DatasetSample.read(csv, stored.rowCount()));
        }
        ExperimentSpec spec = ExperimentSpec.forTarget(in.target()).withTask(AutomlViews.task(in.task())).withMetric(AutomlViews.metric(in.metric()))
                .withTimeBudget(Duration.ofSeconds(in.timeBudgetSeconds())).withFolds(in.folds())
                .withExcludeColumns(Set.copyOf(in.excludeColumns())).withSeed(in.seed());
        ExperimentResult result;
        try {
            result = search(context, in, data, spec);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            // XGBoost's and LightGBM's natives need GCC's OpenMP runtime, which a minimal system may lack
            throw new Problem(503, "engine_not_installed", "AutoML engine not installed",
                    "XGBoost or LightGBM could not load its native library (" + e.getMessage() + "); install GCC's OpenMP runtime.",
                    Map.of("installCommand", "sudo apt-get install -y libgomp1"));
        }
        return finish(context, in, result);
    }

    private ExperimentResult search(OperationContext context, Input in, Dataset data, ExperimentSpec spec) {
        String project = context.projectId();
        long[] lastWrite = {0};
        int[] lastCount = {-1};
        return AutoMl.run(data, spec, progress -> {
            context.progress(Math.min(0.9, 0.9 * progress.budgetFraction()));
            long now = System.nanoTime();
            if (progress.modelsTrained() != lastCount[0] && now - lastWrite[0] > PROGRESS_WRITE_NANOS) {
                lastWrite[0] = now;
                lastCount[0] = progress.modelsTrained();
                store.progress(project, in.experimentId(), progress.modelsTrained(), AutomlViews.finite(progress.bestScore()));
            }
        }, context::canceled);
    }

    private byte[] finish(OperationContext context, Input in, ExperimentResult result) throws Exception {
        String project = context.projectId();
        AutomlViews.ResultView view = AutomlViews.result(result);
        List<LeaderboardEntry> board = result.leaderboard();
        if (!board.isEmpty()) store.progress(project, in.experimentId(), result.modelsTried(), board.get(0).score());
        List<String> saved = new ArrayList<>();
        for (LeaderboardEntry entry : board.subList(0, Math.min(in.saveModels(), board.size()))) {
            // after a cancel only the leader is refitted: the user asked to stop
            if (context.canceled() && !saved.isEmpty()) break;
            try (ScoringModel model = result.model(entry.modelId())) {
                StoredModel m = store.addModel(project, in.experimentId(), entry.modelId(), model.toBytes(), json.writeValueAsString(model.card()));
                saved.add(m.modelId());
            }
        }
        Output output = new Output(in.experimentId(), view, saved);
        store.finish(project, in.experimentId(), json.writeValueAsString(output));
        context.progress(1.0);
        return json.writeValueAsBytes(output);
    }
}
