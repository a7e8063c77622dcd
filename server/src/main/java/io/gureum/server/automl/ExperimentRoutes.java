package io.gureum.server.automl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.automl.Metric;
import io.gureum.automl.Task;
import io.gureum.core.Problem;
import io.gureum.core.Service;
import io.gureum.platform.automl.AutomlStore;
import io.gureum.platform.automl.StoredDataset;
import io.gureum.platform.automl.StoredExperiment;
import io.gureum.platform.keys.ApiKey;
import io.gureum.platform.operations.NewOperation;
import io.gureum.platform.operations.Operation;
import io.gureum.platform.operations.OperationService;
import io.gureum.platform.operations.OperationStatus;
import io.gureum.platform.operations.Submitted;
import io.gureum.server.http.ApiAccess;
import io.gureum.server.http.CustomMethod;
import io.gureum.server.http.JsonBodies;
import io.gureum.server.metering.Metering;
import io.gureum.server.operations.OperationView;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * AutoML experiments: {@code POST /v1/automl/experiments} checks the request against the dataset's inferred schema
 * and starts the search as an operation ({@code automl.experiment}); {@code GET /v1/automl/experiments[/{id}]} shows
 * progress (models trained, best score) and, once it ends, the result; {@code /leaderboard} the leaderboard with
 * H2O's columns and the leader's feature importance; {@code :cancel} stops it, keeping what finished. Billed in
 * seconds of the time budget asked for.
 */
public final class ExperimentRoutes {
    static final String BASE = "/v1/automl/experiments";
    static final int MAX_BUDGET_SECONDS = 24 * 3600;
    /** Types a target may have: the others carry no label to learn (ids, constants) or cannot be predicted as one (free text, dates). */
    private static final Set<String> TARGET_TYPES = Set.of("numeric", "categorical", "boolean");

    private final AutomlStore store;
    private final OperationService operations;
    private final DatasetRoutes datasets;
    private final Metering metering;
    private final JsonBodies bodies;
    private final ObjectMapper json;

    public ExperimentRoutes(AutomlStore store, OperationService operations, DatasetRoutes datasets, Metering metering, JsonBodies bodies, ObjectMapper json) {
        this.store = store;
        this.operations = operations;
        this.datasets = datasets;
        this.metering = metering;
        this.bodies = bodies;
        this.json = json;
    }

    public record CreateRequest(String datasetId, String target, String task, String metric, Integer timeBudgetSeconds, Integer folds,
                                List<String> excludeColumns, Long seed, Integer saveModels) {}

    public record ProgressView(int modelsTrained, Double bestScore, double fraction) {}

    /**
     * @param status   the operation's (queued, running, succeeded, failed, canceled), or canceling between a cancel and the
     *                 search writing what it found
     * @param result   the search's result once it has ended (also after a cancel)
     * @param modelIds the saved models (the leader first)
     */
    public record ExperimentView(String id, String datasetId, String operationId, String status, ExperimentOperation.Input request,
                                 ProgressView progress, AutomlViews.ResultView result, List<String> modelIds, JsonNode error,
                                 Instant createdAt, Instant updatedAt) {}

    public record ExperimentList(List<ExperimentView> experiments) {}

    public record Leaderboard(String experimentId, String status, String task, String metric, List<AutomlViews.EntryView> entries,
                              List<AutomlViews.ImportanceView> featureImportance) {}

    public void register(Javalin app) {
        app.post(BASE, this::create);
        app.get(BASE, ctx -> {
            ApiKey key = ApiAccess.requireScope(ctx, Service.AUTOML.scope());
            ctx.json(new ExperimentList(store.experiments(key.projectId()).stream().map(this::view).toList()));
        });
        app.get(BASE + "/{id}", ctx -> {
            ApiKey key = ApiAccess.requireScope(ctx, Service.AUTOML.scope());
            ctx.json(view(store.experiment(key.projectId(), ctx.pathParam("id"))));
        });
        app.get(BASE + "/{id}/leaderboard", ctx -> {
            ApiKey key = ApiAccess.requireScope(ctx, Service.AUTOML.scope());
            ExperimentView v = view(store.experiment(key.projectId(), ctx.pathParam("id")));
            AutomlViews.ResultView r = v.result();
            ctx.json(new Leaderboard(v.id(), v.status(), r == null ? null : r.task(), r == null ? null : r.metric(),
                    r == null ? List.of() : r.leaderboard(), r == null ? List.of() : r.featureImportance()));
        });
        // AIP custom method: ':cancel' is part of the last path segment
        app.post(BASE + "/{id}", ctx -> {
            ApiKey key = ApiAccess.requireScope(ctx, Service.AUTOML.scope());
            CustomMethod m = CustomMethod.require(ctx.pathParam("id"), BASE + "/{experimentId}", Set.of("cancel"));
            StoredExperiment e = store.experiment(key.projectId(), m.id());
            Operation op = e.operationId() == null ? null : operations.find(key.projectId(), e.operationId()).orElse(null);
            if (op == null || op.status() == OperationStatus.CANCELED) {
                // already stopping: asking again is not an error
            } else if (op.status() == OperationStatus.QUEUED || op.status() == OperationStatus.RUNNING) {
                operations.cancel(key.projectId(), op.id());
            } else {
                throw Problem.conflict("experiment_finished", "Experiment " + e.experimentId() + " has already " + op.status().wire() + ".");
            }
            ctx.status(202).json(view(store.experiment(key.projectId(), e.experimentId())));
        });
    }

    private void create(Context ctx) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.AUTOML.scope());
        CreateRequest request = bodies.read(ctx, CreateRequest.class);
        if (request.datasetId() == null) throw Problem.invalid("'datasetId' is required");
        if (request.target() == null || request.target().isBlank()) throw Problem.invalid("'target' is required: the column to predict");
        StoredDataset dataset = store.dataset(key.projectId(), request.datasetId());
        List<AutomlViews.ColumnView> columns = datasets.columns(dataset);
        AutomlViews.ColumnView target = columns.stream().filter(c -> c.name().equals(request.target())).findFirst()
                .orElseThrow(() -> Problem.invalid("target '" + request.target() + "' is not a column of dataset " + dataset.datasetId()
                        + "; its columns: " + String.join(", ", columns.stream().map(AutomlViews.ColumnView::name).toList())));
        if (!TARGET_TYPES.contains(target.type())) {
            throw Problem.invalid("target '" + request.target() + "' is a " + target.type() + " column; a target must be numeric, categorical or boolean");
        }
        Task task = AutomlViews.task(request.task());
        if (task == Task.REGRESSION && !target.type().equals("numeric")) {
            throw Problem.invalid("regression needs a numeric target; '" + request.target() + "' is " + target.type());
        }
        Metric metric = AutomlViews.metric(request.metric());
        if (metric != null && task != null && !metric.appliesTo(task)) {
            throw Problem.invalid("metric " + AutomlViews.wire(metric) + " does not apply to a " + AutomlViews.wire(task) + " task");
        }
        List<String> exclude = request.excludeColumns() == null ? List.of() : request.excludeColumns();
        for (String column : exclude) {
            if (columns.stream().noneMatch(c -> c.name().equals(column))) throw Problem.invalid("excludeColumns: '" + column + "' is not a column of the dataset");
            if (column.equals(request.target())) throw Problem.invalid("excludeColumns: the target cannot be excluded");
        }
        int budget = request.timeBudgetSeconds() == null ? 60 : request.timeBudgetSeconds();
        if (budget < 5 || budget > MAX_BUDGET_SECONDS) throw Problem.invalid("timeBudgetSeconds must be 5-" + MAX_BUDGET_SECONDS);
        int folds = request.folds() == null ? 5 : request.folds();
        if (folds < 2 || folds > 20) throw Problem.invalid("folds must be 2-20");
        if (dataset.sampleRows() < folds * 2) throw Problem.invalid("the dataset has " + dataset.rowCount() + " rows: too few for " + folds + "-fold cross-validation");
        int saveModels = request.saveModels() == null ? 1 : request.saveModels();
        if (saveModels < 1 || saveModels > 10) throw Problem.invalid("saveModels must be 1-10");

        ExperimentOperation.Input partial = new ExperimentOperation.Input(null, dataset.datasetId(), request.target(), AutomlViews.wire(task),
                AutomlViews.wire(metric), budget, folds, List.copyOf(exclude), request.seed() == null ? 42 : request.seed(), saveModels);
        StoredExperiment experiment = metering.meter(ctx, key, Service.AUTOML, "experiments", budget, () -> {
            StoredExperiment e = store.addExperiment(key.projectId(), dataset.datasetId(), write(partial));
            ExperimentOperation.Input input = new ExperimentOperation.Input(e.experimentId(), partial.datasetId(), partial.target(), partial.task(),
                    partial.metric(), budget, folds, partial.excludeColumns(), partial.seed(), saveModels);
            Submitted submitted = operations.submit(new NewOperation(key.projectId(), ExperimentOperation.KIND, write(input).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    null, null));
            store.attachOperation(key.projectId(), e.experimentId(), submitted.operation().id());
            return new Metering.Outcome<>(store.experiment(key.projectId(), e.experimentId()), 202, true);
        });
        ExperimentView view = view(experiment);
        ctx.status(202).header("Location", BASE + "/" + experiment.experimentId())
                .header("Operation-Location", OperationView.location(experiment.operationId())).json(view);
    }

    private ExperimentView view(StoredExperiment e) {
        Operation op = e.operationId() == null ? null : operations.find(e.projectId(), e.operationId()).orElse(null);
        try {
            ExperimentOperation.Input request = json.readValue(e.specJson(), ExperimentOperation.Input.class);
            ExperimentOperation.Output output = e.resultJson() == null ? null : json.readValue(e.resultJson(), ExperimentOperation.Output.class);
            JsonNode error = op == null || op.error() == null ? null : json.valueToTree(op.error());
            return new ExperimentView(e.experimentId(), e.datasetId(), e.operationId(), status(op, e), request,
                    new ProgressView(e.modelsTrained(), e.bestScore(), op == null ? 0 : op.progress()),
                    output == null ? null : output.result(), output == null ? List.of() : output.modelIds(), error, e.createdAt(), e.updatedAt());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("unreadable experiment " + e.experimentId(), ex);
        }
    }

    /**
     * The operation's status, except that a search asked to stop is {@code canceling} until it has written what it
     * found: the operation turns {@code canceled} at once, but the search first finishes its fold and saves the leader.
     */
    private static String status(Operation op, StoredExperiment e) {
        if (op == null) return "queued";
        boolean stopping = op.status() == OperationStatus.CANCELED && e.resultJson() == null && op.attempts() > 0;
        return stopping ? "canceling" : op.status().wire();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
