package io.gureum.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.core.Problem;
import io.gureum.server.Gureum;
import io.gureum.server.admin.AdminRoutes;
import io.gureum.server.automl.DatasetRoutes;
import io.gureum.server.automl.ExperimentRoutes;
import io.gureum.server.automl.AutomlModelRoutes;
import io.gureum.server.chatbot.BotRoutes;
import io.gureum.server.chatbot.ConversationRoutes;
import io.gureum.server.chatbot.Conversations;
import io.gureum.server.chatbot.WidgetRoutes;
import io.gureum.server.admin.ProjectPolicyRoutes;
import io.gureum.server.console.ConsoleAssets;
import io.gureum.server.language.EmbeddingRoutes;
import io.gureum.server.language.LanguageRoutes;
import io.gureum.server.language.TranslationRoutes;
import io.gureum.server.language.TextAnalysisRoutes;
import io.gureum.server.metering.Metering;
import io.gureum.server.models.ModelRoutes;
import io.gureum.server.vision.FaceCollectionRoutes;
import io.gureum.server.vision.FaceRoutes;
import io.gureum.server.vision.ObjectRoutes;
import io.gureum.server.speech.SpeechStreamRoutes;
import io.gureum.server.speech.SynthesisRoutes;
import io.gureum.server.speech.TranscriptionRoutes;
import io.gureum.server.vision.OcrRoutes;
import io.gureum.server.operations.OperationRoutes;
import io.gureum.server.system.SystemRoutes;
import io.gureum.server.usage.UsageRoutes;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The HTTP face of one node: cross-cutting handlers (ids, auth, limits, metrics, problems) and each area's routes. */
public final class GureumHttp implements AutoCloseable {
    private final Javalin app;

    public GureumHttp(Gureum gureum) {
        ObjectMapper json = Json.newMapper();
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ClassLoaderMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        HttpMetrics httpMetrics = new HttpMetrics(metrics);
        ProblemResponses problems = new ProblemResponses(json);
        ApiAccess access = new ApiAccess(gureum.authenticator(), gureum.rateLimiter());
        JsonBodies bodies = new JsonBodies(json);
        Metering metering = new Metering(gureum.quotas(), gureum.usage(), gureum.clock());
        long maxBody = gureum.config().maxBodyBytes();
        ConsoleAssets console = new ConsoleAssets();

        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.http.maxRequestSize = maxBody;
            config.http.prefer405over404 = true;
            config.router.ignoreTrailingSlashes = true;
            config.staticFiles.add(files -> {
                files.hostedPath = SystemRoutes.DOCS_ASSETS;
                files.directory = "/META-INF/resources/webjars/swagger-ui/" + BuildInfo.swaggerUiVersion();
                files.location = Location.CLASSPATH;
            });
            console.addStaticFiles(config);
        });
        app.before(ctx -> {
            HttpMetrics.markStart(ctx);
            RequestIds.assign(ctx);
            long length = ctx.req().getContentLengthLong(); // -1 when absent; Javalin still caps streamed bodies
            // dataset uploads stream to storage under their own, larger limit (DatasetRoutes)
            if (length > maxBody && !ctx.path().equals(DatasetRoutes.BASE)) {
                throw Problem.tooLarge("The body is " + length + " bytes; this server accepts at most " + maxBody + ".");
            }
        });
        Cors.register(app);
        app.before("/v1/*", ctx -> {
            if (!Cors.isPreflight(ctx)) access.admit(ctx);
        });
        // A WebSocket's upgrade request skips the before-handlers above: give it the same request id and key
        // check, so that a refused client gets an HTTP problem instead of a socket that opens and closes.
        app.addHttpHandler(HandlerType.WEBSOCKET_BEFORE_UPGRADE, "/v1/*", ctx -> {
            HttpMetrics.markStart(ctx);
            RequestIds.assign(ctx);
            access.admit(ctx);
        });
        app.after(httpMetrics::record);
        app.exception(Problem.class, (e, ctx) -> {
            problems.write(ctx, e);
            // A refused WebSocket upgrade never reaches the step that sends the result: send it here.
            if (ctx.header("Sec-WebSocket-Key") != null) {
                try (java.io.InputStream body = ctx.resultInputStream()) {
                    if (body != null) ctx.res().getOutputStream().write(body.readAllBytes());
                } catch (java.io.IOException ignored) {
                    // the client is gone
                }
            }
        });
        app.exception(HttpResponseException.class, (e, ctx) -> problems.write(ctx, e));
        app.exception(Exception.class, (e, ctx) -> problems.writeUnexpected(ctx, e));
        app.error(404, ctx -> {
            if (!isProblem(ctx)) problems.write(ctx, ProblemResponses.fromHttpStatus(404, null, ctx));
        });
        app.error(405, ctx -> {
            if (!isProblem(ctx)) problems.write(ctx, ProblemResponses.fromHttpStatus(405, null, ctx));
        });

        new SystemRoutes(gureum.database(), gureum.languageDetection(), metrics).register(app);
        console.register(app);
        new AdminRoutes(gureum.projects(), gureum.keys(), gureum.authenticator(), bodies).register(app);
        new ProjectPolicyRoutes(gureum.projects(), gureum.projectPolicies(), bodies).register(app);
        new UsageRoutes(gureum.usageReports(), gureum.clock()).register(app);
        new OperationRoutes(gureum.operations(), json).register(app);
        new ModelRoutes(gureum.models()).register(app);
        new LanguageRoutes(gureum.languageDetection(), gureum.models(), gureum.operations(), gureum.webhookPolicy(),
                metering, bodies, json).register(app);
        new TranslationRoutes(gureum.translation(), metering, bodies).register(app);
        new TextAnalysisRoutes(gureum.sentiment(), gureum.pii(), metering, bodies).register(app);
        new EmbeddingRoutes(gureum.textEmbeddings(), metering, bodies).register(app);
        new FaceRoutes(gureum.faceAnalyzer(), gureum.projectPolicies(), metering, json).register(app);
        new ObjectRoutes(gureum.objectDetection(), metering, json).register(app);
        new FaceCollectionRoutes(gureum.faceAnalyzer(), gureum.faceCollections(), gureum.faceIndexes(), metering, bodies, json).register(app);
        new OcrRoutes(gureum.ocr(), gureum.operations(), gureum.webhookPolicy(), metering, json).register(app);
        new TranscriptionRoutes(gureum.transcriber(), gureum.audioDecoder(), gureum.operations(), gureum.webhookPolicy(), metering, json).register(app);
        new SpeechStreamRoutes(gureum.transcriber(), metering, json).register(app);
        new SynthesisRoutes(gureum.textToSpeech(), gureum.ffmpeg(), metering, bodies).register(app);
        new BotRoutes(gureum.bots(), gureum.botRuntimes(), gureum.textEmbeddings(), gureum.operations(), gureum.webhookPolicy(),
                metering, bodies, json, gureum.clock()).register(app);
        Conversations conversations = new Conversations(gureum.bots(), gureum.botSessions(), gureum.botRuntimes(), gureum.projects(),
                gureum.webhookSender(), json, gureum.clock(), gureum.config().botSessionTtl());
        new ConversationRoutes(conversations, gureum.bots(), metering, bodies, json).register(app);
        new WidgetRoutes().register(app);
        DatasetRoutes datasets = new DatasetRoutes(gureum.automl(), json, gureum.config().maxDatasetBytes());
        datasets.register(app);
        new ExperimentRoutes(gureum.automl(), gureum.operations(), datasets, metering, bodies, json).register(app);
        new AutomlModelRoutes(gureum.automl(), gureum.scoringModels(), gureum.operations(), metering, bodies, json).register(app);
    }

    private static boolean isProblem(io.javalin.http.Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(ProblemResponses.CONTENT_TYPE);
    }

    public GureumHttp start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() { return app.port(); }

    @Override
    public void close() {
        app.stop();
    }
}
