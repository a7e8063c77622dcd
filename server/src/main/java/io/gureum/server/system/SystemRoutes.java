package io.gureum.server.system;

import io.gureum.language.LanguageDetection;
import io.gureum.platform.db.Database;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Unauthenticated operational endpoints: liveness, readiness, metrics, the API contract and its rendered docs. */
public final class SystemRoutes {
    /** Where the swagger-ui webjar's files are hosted; the docs page loads them from there. */
    public static final String DOCS_ASSETS = "/docs/assets";

    private final Database database;
    private final LanguageDetection languageDetection;
    private final PrometheusMeterRegistry metrics;
    private final byte[] openApi;
    private final String docsPage;

    public SystemRoutes(Database database, LanguageDetection languageDetection, PrometheusMeterRegistry metrics) {
        this.database = database;
        this.languageDetection = languageDetection;
        this.metrics = metrics;
        this.openApi = resource("/io/gureum/server/openapi.yaml");
        this.docsPage = new String(resource("/io/gureum/server/docs.html"), StandardCharsets.UTF_8);
    }

    public void register(Javalin app) {
        app.get("/healthz", ctx -> ctx.json(Map.of("status", "ok")));
        app.get("/readyz", this::ready);
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        app.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(openApi));
        app.get("/docs", ctx -> ctx.html(docsPage));
    }

    /** Ready when the database answers and the default models are loaded (the first request is then fast). */
    private void ready(Context ctx) {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("database", database.isReachable() ? "up" : "down");
        checks.put("languageModels", languageDetection.isWarm() ? "loaded" : "loading");
        boolean ready = checks.get("database").equals("up") && checks.get("languageModels").equals("loaded");
        ctx.status(ready ? 200 : 503).json(Map.of("status", ready ? "ready" : "not_ready", "checks", checks));
    }


    private static byte[] resource(String path) {
        try (InputStream in = SystemRoutes.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
