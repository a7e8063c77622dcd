package io.gureum.server.language;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.core.ModelRef;
import io.gureum.core.Problem;
import io.gureum.core.Service;
import io.gureum.language.DetectionResult;
import io.gureum.language.Document;
import io.gureum.language.LanguageDetection;
import io.gureum.platform.keys.ApiKey;
import io.gureum.platform.operations.NewOperation;
import io.gureum.platform.operations.OperationService;
import io.gureum.platform.operations.Submitted;
import io.gureum.platform.webhooks.WebhookPolicy;
import io.gureum.runtime.models.ModelStore;
import io.gureum.server.http.ApiAccess;
import io.gureum.server.http.JsonBodies;
import io.gureum.server.metering.Metering;
import io.gureum.server.operations.OperationRoutes;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v1/language/detect}. Up to {@value #SYNC_MAX_DOCUMENTS} documents are answered at once;
 * larger batches (up to {@value #ASYNC_MAX_DOCUMENTS}), or any request with {@code Prefer: respond-async},
 * become an operation. Billed in characters, charged when accepted.
 */
public final class LanguageRoutes {
    public static final int SYNC_MAX_DOCUMENTS = 100;
    public static final int ASYNC_MAX_DOCUMENTS = 10_000;

    private final LanguageDetection detection;
    private final ModelStore models;
    private final OperationService operations;
    private final WebhookPolicy webhooks;
    private final Metering metering;
    private final JsonBodies bodies;
    private final ObjectMapper json;

    public LanguageRoutes(LanguageDetection detection, ModelStore models, OperationService operations, WebhookPolicy webhooks,
                          Metering metering, JsonBodies bodies, ObjectMapper json) {
        this.detection = detection;
        this.models = models;
        this.operations = operations;
        this.webhooks = webhooks;
        this.metering = metering;
        this.bodies = bodies;
        this.json = json;
    }

    /** The request body; also the stored input of the async operation (without the webhook). */
    public record DetectRequest(List<Document> documents, String model, Integer top, String webhookUrl) {
        int topOrDefault() { return top == null ? 3 : top; }
        Optional<ModelRef> modelRef() { return model == null || model.isBlank() ? Optional.empty() : Optional.of(ModelRef.parse(model)); }
    }

    public void register(Javalin app) {
        app.post("/v1/language/detect", this::detect);
    }

    private void detect(Context ctx) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.LANGUAGE.scope());
        DetectRequest request = bodies.read(ctx, DetectRequest.class);
        List<Document> documents = request.documents();
        if (documents == null || documents.isEmpty()) throw Problem.invalid("'documents' must list at least one {id, text}");
        if (documents.size() > ASYNC_MAX_DOCUMENTS) {
            throw Problem.tooLarge(documents.size() + " documents in one request; at most " + ASYNC_MAX_DOCUMENTS + " (split the batch)");
        }
        if (request.topOrDefault() < 1 || request.topOrDefault() > LanguageDetection.MAX_TOP) {
            throw Problem.invalid("'top' must be 1-" + LanguageDetection.MAX_TOP);
        }
        LanguageDetection.validate(documents);
        boolean async = documents.size() > SYNC_MAX_DOCUMENTS || OperationRoutes.prefersAsync(ctx);
        // an operation must not be accepted for a model that cannot run (404 unknown / 503 not installed);
        // the synchronous path gets the same answers from detect() itself, without a disk read per call
        if (async) models.resolve(LanguageDetection.TASK, request.modelRef());
        if (async && request.webhookUrl() != null) webhooks.validate(request.webhookUrl());
        if (!async && request.webhookUrl() != null) throw Problem.invalid("'webhookUrl' applies to asynchronous requests only (send 'Prefer: respond-async')");
        long characters = LanguageDetection.characters(documents);

        if (async) {
            Submitted submitted = metering.meter(ctx, key, Service.LANGUAGE, "detect", characters, () -> {
                Submitted s = operations.submit(new NewOperation(key.projectId(), LanguageDetectOperation.KIND,
                        inputOf(request), ctx.header("Idempotency-Key"), request.webhookUrl()));
                // a repeated Idempotency-Key returns the first operation and is not charged again
                return new Metering.Outcome<>(s, 202, s.created());
            });
            ctx.header("Preference-Applied", "respond-async");
            OperationRoutes.accepted(ctx, submitted);
        } else {
            DetectionResult result = metering.meter(ctx, key, Service.LANGUAGE, "detect", characters,
                    () -> new Metering.Outcome<>(detection.detect(documents, request.modelRef(), request.topOrDefault()), 200, true));
            ctx.json(result);
        }
    }

    private byte[] inputOf(DetectRequest request) {
        try {
            return json.writeValueAsBytes(new DetectRequest(request.documents(), request.model(), request.topOrDefault(), null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
