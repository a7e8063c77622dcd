package io.gureum.server.language;

import io.gureum.core.ModelRef;
import io.gureum.core.Service;
import io.gureum.language.embeddings.EmbeddingResult;
import io.gureum.language.embeddings.TextEmbeddings;
import io.gureum.platform.keys.ApiKey;
import io.gureum.server.http.ApiAccess;
import io.gureum.server.http.JsonBodies;
import io.gureum.server.metering.Metering;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v1/language/embeddings}: a unit vector per text, answered at once (up to
 * {@value TextEmbeddings#MAX_TEXTS} texts, which take well under a second). Billed in characters like the other
 * language APIs, charged only when the call succeeds.
 */
public final class EmbeddingRoutes {
    private final TextEmbeddings embeddings;
    private final Metering metering;
    private final JsonBodies bodies;

    public EmbeddingRoutes(TextEmbeddings embeddings, Metering metering, JsonBodies bodies) {
        this.embeddings = embeddings;
        this.metering = metering;
        this.bodies = bodies;
    }

    /** The request body. */
    public record EmbeddingsRequest(List<String> texts, String model) {
        Optional<ModelRef> modelRef() { return model == null || model.isBlank() ? Optional.empty() : Optional.of(ModelRef.parse(model)); }
    }

    public void register(Javalin app) {
        app.post("/v1/language/embeddings", this::embed);
    }

    private void embed(Context ctx) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.LANGUAGE.scope());
        EmbeddingsRequest request = bodies.read(ctx, EmbeddingsRequest.class);
        TextEmbeddings.validate(request.texts());   // before metering: a refused request is neither charged nor recorded
        EmbeddingResult result = metering.meter(ctx, key, Service.LANGUAGE, "embeddings", TextEmbeddings.characters(request.texts()),
                () -> new Metering.Outcome<>(embeddings.embed(request.texts(), request.modelRef()), 200, true));
        ctx.json(result);
    }
}
