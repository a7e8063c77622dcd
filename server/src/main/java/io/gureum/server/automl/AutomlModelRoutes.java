package io.gureum.server.automl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.automl.data.CsvOptions;
import io.gureum.automl.data.CsvReader;
import io.gureum.automl.model.RowPrediction;
import io.gureum.core.Problem;
import io.gureum.core.Service;
import io.gureum.platform.automl.AutomlStore;
import io.gureum.platform.automl.StoredModel;
import io.gureum.platform.keys.ApiKey;
import io.gureum.platform.operations.NewOperation;
import io.gureum.platform.operations.OperationService;
import io.gureum.platform.operations.Submitted;
import io.gureum.server.http.ApiAccess;
import io.gureum.server.http.CustomMethod;
import io.gureum.server.http.JsonBodies;
import io.gureum.server.metering.Metering;
import io.gureum.server.operations.OperationRoutes;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Saved AutoML models: {@code GET /v1/automl/models[/{id}]} with their model cards;
 * {@code POST /v1/automl/models/{id}:predict {rows: [{column: value}]}} scores up to {@value #MAX_ROWS} rows at once
 * (a row that cannot be scored gets an {@code error}, the others their prediction); {@code :batchPredict} scores a
 * CSV body as an operation. Billed by the row under {@code automl-prediction}; a key with that scope alone can
 * predict but not train.
 */
public final class AutomlModelRoutes {
    static final String BASE = "/v1/automl/models";
    public static final int MAX_ROWS = 10_000;

    private final AutomlStore store;
    private final ScoringModels models;
    private final OperationService operations;
    private final Metering metering;
    private final JsonBodies bodies;
    private final ObjectMapper json;

    public AutomlModelRoutes(AutomlStore store, ScoringModels models, OperationService operations, Metering metering, JsonBodies bodies, ObjectMapper json) {
        this.store = store;
        this.models = models;
        this.operations = operations;
        this.metering = metering;
        this.bodies = bodies;
        this.json = json;
    }

    public record ModelView(String id, String experimentId, String entryId, long bytes, JsonNode card, Instant createdAt) {}

    public record ModelList(List<ModelView> models) {}

    public record PredictRequest(List<Map<String, Object>> rows) {}

    /** One row's prediction: a label with class probabilities (classification) or a value (regression), or why not. */
    public record PredictionView(String label, Map<String, Double> probabilities, Double value, String error) {
        static PredictionView of(RowPrediction p) {
            return new PredictionView(p.label(), p.probabilities(), p.value(), p.error());
        }
    }

    public record PredictResponse(String modelId, List<PredictionView> predictions) {}

    public void register(Javalin app) {
        app.get(BASE, ctx -> {
            ApiKey key = requirePredictionScope(ctx);
            ctx.json(new ModelList(store.models(key.projectId(), ctx.queryParam("experimentId")).stream().map(this::view).toList()));
        });
        app.get(BASE + "/{id}", ctx -> ctx.json(view(store.model(requirePredictionScope(ctx).projectId(), ctx.pathParam("id")))));
        // AIP custom methods: ':predict' and ':batchPredict' are part of the last path segment
        app.post(BASE + "/{id}", ctx -> {
            CustomMethod m = CustomMethod.require(ctx.pathParam("id"), BASE + "/{modelId}", Set.of("predict", "batchPredict"));
            if (m.method().equals("predict")) predict(ctx, m.id());
            else batchPredict(ctx, m.id());
        });
    }

    private void predict(Context ctx, String modelId) {
        ApiKey key = requirePredictionScope(ctx);
        StoredModel model = store.model(key.projectId(), modelId);
        PredictRequest request = bodies.read(ctx, PredictRequest.class);
        if (request.rows() == null || request.rows().isEmpty()) throw Problem.invalid("'rows' must hold 1-" + MAX_ROWS + " objects");
        if (request.rows().size() > MAX_ROWS) {
            throw Problem.tooLarge(request.rows().size() + " rows in one call; at most " + MAX_ROWS + " (use :batchPredict for a file)");
        }
        for (int i = 0; i < request.rows().size(); i++) if (request.rows().get(i) == null) throw Problem.invalid("rows[" + i + "] is null");
        PredictResponse response = metering.meter(ctx, key, Service.AUTOML_PREDICTION, "models:predict", request.rows().size(),
                () -> new Metering.Outcome<>(new PredictResponse(model.modelId(),
                        models.predict(model, request.rows()).stream().map(PredictionView::of).toList()), 200, true));
        ctx.json(response);
    }

    private void batchPredict(Context ctx, String modelId) {
        ApiKey key = requirePredictionScope(ctx);
        StoredModel model = store.model(key.projectId(), modelId);
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!type.equals("text/csv") && !type.equals("application/gzip")) {
            throw new Problem(415, "unsupported_media_type", "Unsupported media type", "A batch is a CSV body ('text/csv' or 'application/gzip').");
        }
        byte[] csv = ctx.bodyAsBytes();
        if (csv.length == 0) throw Problem.badRequest("empty_body", "The request body is empty; a CSV file with a header row is expected.");
        int rows = new CsvReader(CsvOptions.defaults()).read(new ByteArrayInputStream(csv)).rowCount(); // malformed: 400 naming the row, now
        byte[] input;
        try {
            input = json.writeValueAsBytes(new BatchPredictOperation.Input(model.modelId(), csv));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Submitted submitted = metering.meter(ctx, key, Service.AUTOML_PREDICTION, "models:batchPredict", rows, () -> {
            Submitted s = operations.submit(new NewOperation(key.projectId(), BatchPredictOperation.KIND, input, ctx.header("Idempotency-Key"), null));
            return new Metering.Outcome<>(s, 202, s.created());
        });
        OperationRoutes.accepted(ctx, submitted);
    }

    private ApiKey requirePredictionScope(Context ctx) {
        ApiKey key = ApiAccess.key(ctx);
        if (key.allows(Service.AUTOML.scope())) return key;
        return ApiAccess.requireScope(ctx, Service.AUTOML_PREDICTION.scope());
    }

    private ModelView view(StoredModel m) {
        try {
            return new ModelView(m.modelId(), m.experimentId(), m.entryId(), m.bytes(), json.readTree(m.cardJson()), m.createdAt());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable model card of " + m.modelId(), e);
        }
    }
}
