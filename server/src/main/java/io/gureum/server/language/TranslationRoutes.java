package io.gureum.server.language;

import io.gureum.core.Problem;
import io.gureum.core.Service;
import io.gureum.language.translation.LanguagePair;
import io.gureum.language.translation.TranslationResult;
import io.gureum.language.translation.TranslationService;
import io.gureum.platform.keys.ApiKey;
import io.gureum.server.http.ApiAccess;
import io.gureum.server.http.JsonBodies;
import io.gureum.server.metering.Metering;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.List;
import java.util.Locale;

/**
 * {@code POST /v1/language/translate}: up to {@value TranslationService#MAX_TEXTS} texts at once, from a given or
 * detected language; {@code GET /v1/language/translate/languages} lists the installed pairs. Billed in characters
 * (Unicode code points) of the texts, charged when the translation succeeds.
 */
public final class TranslationRoutes {
    private final TranslationService translation;
    private final Metering metering;
    private final JsonBodies bodies;

    public TranslationRoutes(TranslationService translation, Metering metering, JsonBodies bodies) {
        this.translation = translation;
        this.metering = metering;
        this.bodies = bodies;
    }

    /** The request body: {@code from} may be left out to detect each text's language; {@code textType} plain or html. */
    public record TranslateRequest(List<String> texts, String from, String to, String textType) {}

    /** The answer of {@code GET /v1/language/translate/languages}. */
    public record Pairs(List<LanguagePair> pairs) {}

    public void register(Javalin app) {
        app.post("/v1/language/translate", this::translate);
        app.get("/v1/language/translate/languages", ctx -> {
            ApiAccess.requireScope(ctx, Service.LANGUAGE.scope());
            ctx.json(new Pairs(translation.pairs()));
        });
    }

    private void translate(Context ctx) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.LANGUAGE.scope());
        TranslateRequest request = bodies.read(ctx, TranslateRequest.class);
        boolean html = isHtml(request.textType());
        translation.validate(request.texts(), request.to());
        long characters = TranslationService.characters(request.texts());
        TranslationResult result = metering.meter(ctx, key, Service.LANGUAGE, "translate", characters,
                () -> new Metering.Outcome<>(translation.translate(request.texts(), request.from(), request.to(), html), 200, true));
        ctx.json(result);
    }

    private static boolean isHtml(String textType) {
        if (textType == null) return false;
        return switch (textType.toLowerCase(Locale.ROOT)) {
            case "plain" -> false;
            case "html" -> true;
            default -> throw Problem.invalid("'textType' must be 'plain' (the default) or 'html'; got '" + textType + "'");
        };
    }
}
