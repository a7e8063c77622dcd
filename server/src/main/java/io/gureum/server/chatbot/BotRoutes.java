package io.gureum.server.chatbot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.chatbot.bot.Bot;
import io.gureum.chatbot.bot.BotCompiler;
import io.gureum.chatbot.bot.BotDefinitions;
import io.gureum.chatbot.bot.BotError;
import io.gureum.chatbot.bot.BotValidator;
import io.gureum.chatbot.entities.ExtractedEntity;
import io.gureum.chatbot.entities.ExtractionContext;
import io.gureum.chatbot.nlu.IntentParse;
import io.gureum.core.Problem;
import io.gureum.core.Service;
import io.gureum.language.embeddings.TextEmbeddings;
import io.gureum.platform.bots.BotStore;
import io.gureum.platform.bots.BotVersion;
import io.gureum.platform.bots.StoredBot;
import io.gureum.platform.keys.ApiKey;
import io.gureum.platform.operations.NewOperation;
import io.gureum.platform.operations.OperationService;
import io.gureum.platform.operations.Submitted;
import io.gureum.platform.webhooks.WebhookPolicy;
import io.gureum.server.http.ApiAccess;
import io.gureum.server.http.CustomMethod;
import io.gureum.server.http.JsonBodies;
import io.gureum.server.metering.Metering;
import io.gureum.server.operations.OperationRoutes;
import io.javalin.Javalin;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Bots: {@code /v1/bots} to create (JSON or YAML definition) and list; {@code /v1/bots/{id}} to read, replace the
 * draft ({@code PUT}, optionally {@code If-Match: <draftRevision>}) and delete; {@code /definition} to export the
 * draft or a trained version as JSON or YAML; {@code /versions} for trained versions and their model cards; and the
 * custom methods {@code :train} (an operation that trains the draft into a new version and publishes it),
 * {@code :publish} (switch the live version) and {@code :parse} (intent ranking and entities, billed as a message).
 */
public final class BotRoutes {
    static final String BASE = "/v1/bots";
    /** A bot definition of CLINC150's size (150 intents, 15,000 phrases) is about 1 MB. */
    public static final int MAX_DEFINITION_BYTES = 16 * 1024 * 1024;
    private static final Set<String> YAML_TYPES = Set.of("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml");

    private final BotStore store;
    private final BotRuntimes runtimes;
    private final TextEmbeddings embeddings;
    private final OperationService operations;
    private final WebhookPolicy webhooks;
    private final Metering metering;
    private final JsonBodies bodies;
    private final ObjectMapper json;
    private final Clock clock;

    public BotRoutes(BotStore store, BotRuntimes runtimes, TextEmbeddings embeddings, OperationService operations, WebhookPolicy webhooks,
                     Metering metering, JsonBodies bodies, ObjectMapper json, Clock clock) {
        this.store = store;
        this.runtimes = runtimes;
        this.embeddings = embeddings;
        this.operations = operations;
        this.webhooks = webhooks;
        this.metering = metering;
        this.bodies = bodies;
        this.json = json;
        this.clock = clock;
    }

    /** A trained version as listed. */
    public record VersionView(int version, boolean published, BotModelCard modelCard, Instant createdAt) {}

    /**
     * @param draftTrained whether the draft, as it is now, has been trained into some version
     */
    public record BotView(String id, String name, String locale, int draftRevision, boolean draftTrained, Integer publishedVersion,
                          List<VersionView> versions, String webhookUrl, Instant createdAt, Instant updatedAt) {}

    public record BotList(List<BotView> bots) {}

    public record TrainRequest(Boolean publish) {}

    public record PublishRequest(Integer version) {}

    public record ParseRequest(String text, Integer version) {}

    public record IntentScore(String name, double confidence) {}

    public record EntityView(String type, String text, int start, int end, String value, double confidence) {}

    /**
     * @param intent     the recognised intent, or null when the text is out of scope
     * @param intents    the classifier's ranking, best first
     */
    public record ParseResponse(String text, String botId, int botVersion, IntentScore intent, boolean outOfScope, List<IntentScore> intents,
                                List<EntityView> entities) {}

    public void register(Javalin app) {
        app.post(BASE, this::create);
        app.get(BASE, ctx -> {
            ApiKey key = ApiAccess.requireScope(ctx, Service.CHATBOT.scope());
            ctx.json(new BotList(store.list(key.projectId()).stream().map(this::view).toList()));
        });
        app.get(BASE + "/{bot}", ctx -> {
            StoredBot bot = store.get(ApiAccess.requireScope(ctx, Service.CHATBOT.scope()).projectId(), ctx.pathParam("bot"));
            ctx.header("ETag", "\"" + bot.draftRevision() + "\"").json(view(bot));
        });
        app.put(BASE + "/{bot}", this::replace);
        app.delete(BASE + "/{bot}", ctx -> {
            store.delete(ApiAccess.requireScope(ctx, Service.CHATBOT.scope()).projectId(), ctx.pathParam("bot"));
            ctx.status(204);
        });
        app.get(BASE + "/{bot}/definition", this::export);
        app.get(BASE + "/{bot}/versions", ctx -> {
            ApiKey key = ApiAccess.requireScope(ctx, Service.CHATBOT.scope());
            StoredBot bot = store.get(key.projectId(), ctx.pathParam("bot"));
            ctx.json(Map.of("versions", versions(bot)));
        });
        // AIP custom methods: ':train', ':publish' and ':parse' are part of the last path segment
        app.post(BASE + "/{bot}", this::customMethod);
    }

    private void create(Context ctx) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.CHATBOT.scope());
        Bot bot = readDefinition(ctx);
        StoredBot created = store.create(key.projectId(), bot.name(), bot.locale(), canonical(bot));
        ctx.status(201).header("Location", BASE + "/" + created.botId()).header("ETag", "\"1\"").json(view(created));
    }

    private void replace(Context ctx) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.CHATBOT.scope());
        String botId = ctx.pathParam("bot");
        store.get(key.projectId(), botId); // an unknown bot is 404 before its body is judged
        Bot bot = readDefinition(ctx);
        StoredBot updated = store.replaceDraft(key.projectId(), botId, bot.name(), bot.locale(), canonical(bot), ifMatch(ctx));
        ctx.header("ETag", "\"" + updated.draftRevision() + "\"").json(view(updated));
    }

    private void export(Context ctx) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.CHATBOT.scope());
        StoredBot bot = store.get(key.projectId(), ctx.pathParam("bot"));
        String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format").toLowerCase(Locale.ROOT);
        if (!format.equals("json") && !format.equals("yaml")) throw Problem.invalid("format must be json or yaml; got '" + format + "'");
        String version = ctx.queryParam("version");
        byte[] stored = version == null ? store.draft(bot) : store.definition(store.version(key.projectId(), bot.botId(), parseVersion(version)));
        Bot definition = BotDefinitions.read(new String(stored, StandardCharsets.UTF_8));
        BotDefinitions.Format f = format.equals("yaml") ? BotDefinitions.Format.YAML : BotDefinitions.Format.JSON;
        ctx.contentType(f.mediaType() + "; charset=utf-8").result(BotDefinitions.write(definition, f));
    }

    private void customMethod(Context ctx) {
        CustomMethod m = CustomMethod.require(ctx.pathParam("bot"), BASE + "/{botId}", Set.of("train", "publish", "parse"));
        switch (m.method()) {
            case "train" -> train(ctx, m.id());
            case "publish" -> publish(ctx, m.id());
            default -> parse(ctx, m.id());
        }
    }

    private void train(Context ctx, String botId) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.CHATBOT.scope());
        StoredBot bot = store.get(key.projectId(), botId);
        boolean publish = optionalBody(ctx, TrainRequest.class).map(r -> r.publish() == null || r.publish()).orElse(true);
        embeddings.model(); // 503 model_not_installed now, rather than an operation that fails later
        String definition = new String(store.draft(bot), StandardCharsets.UTF_8);
        int version = store.reserveVersion(key.projectId(), botId);
        byte[] input;
        try {
            input = json.writeValueAsBytes(new BotTrainOperation.TrainInput(botId, version, publish, definition));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Submitted submitted = operations.submit(new NewOperation(key.projectId(), BotTrainOperation.KIND, input, ctx.header("Idempotency-Key"), null));
        OperationRoutes.accepted(ctx, submitted);
    }

    private void publish(Context ctx, String botId) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.CHATBOT.scope());
        PublishRequest request = bodies.read(ctx, PublishRequest.class);
        if (request.version() == null) throw Problem.invalid("'version' is required");
        ctx.json(view(store.publish(key.projectId(), botId, request.version())));
    }

    private void parse(Context ctx, String botId) {
        ApiKey key = ApiAccess.requireScope(ctx, Service.CHATBOT.scope());
        ParseRequest request = bodies.read(ctx, ParseRequest.class);
        String text = ConversationRoutes.messageText(request.text());
        StoredBot bot = store.get(key.projectId(), botId);
        BotRuntimes.Runtime runtime = runtimes.of(bot, request.version());
        ParseResponse response = metering.meter(ctx, key, Service.CHATBOT, "bots:parse", 1, () -> {
            IntentParse parse = runtime.model().parse(text);
            Bot definition = runtime.bot();
            List<ExtractedEntity> entities = runtime.extractor().extract(text,
                    new ExtractionContext(clock.instant(), BotCompiler.zone(definition), BotCompiler.locale(definition)));
            List<IntentScore> ranking = parse.ranking().stream().map(c -> new IntentScore(c.intent(), c.confidence())).toList();
            IntentScore top = parse.intent().map(c -> new IntentScore(c.intent(), c.confidence())).orElse(null);
            return new Metering.Outcome<>(new ParseResponse(text, botId, runtime.version(), top, parse.isOutOfScope(), ranking,
                    entities.stream().map(e -> new EntityView(e.type(), e.text(), e.start(), e.end(), e.value(), e.confidence())).toList()),
                    200, true);
        });
        ctx.json(response);
    }

    /** The body's definition, read as JSON or YAML by its content type, and valid (webhook URL included). */
    private Bot readDefinition(Context ctx) {
        String contentType = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        BotDefinitions.Format format;
        if (contentType.equals("application/json")) format = BotDefinitions.Format.JSON;
        else if (YAML_TYPES.contains(contentType)) format = BotDefinitions.Format.YAML;
        else throw new Problem(415, "unsupported_media_type", "Unsupported media type",
                    "A bot definition is 'application/json' or 'application/yaml'; got " + (contentType.isEmpty() ? "none" : "'" + contentType + "'") + ".");
        long length = ctx.req().getContentLengthLong();
        if (length > MAX_DEFINITION_BYTES) throw Problem.tooLarge("A bot definition is at most " + MAX_DEFINITION_BYTES + " bytes; this one is " + length + ".");
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_DEFINITION_BYTES) throw Problem.tooLarge("A bot definition is at most " + MAX_DEFINITION_BYTES + " bytes.");
        if (body.length == 0) throw Problem.badRequest("empty_body", "The request body is empty; a bot definition is expected.");
        Bot bot = BotValidator.requireValid(BotDefinitions.read(new String(body, StandardCharsets.UTF_8), format));
        if (bot.webhook() != null) {
            try {
                webhooks.validate(bot.webhook().url());
            } catch (Problem refused) {
                throw BotValidator.invalid(List.of(new BotError("webhook.url", refused.detail())));
            }
        }
        return bot;
    }

    private static byte[] canonical(Bot bot) {
        return BotDefinitions.write(bot).getBytes(StandardCharsets.UTF_8);
    }

    private BotView view(StoredBot bot) {
        List<BotVersion> stored = store.versions(bot.projectId(), bot.botId());
        boolean trained = stored.stream().anyMatch(v -> v.definitionSha256().equals(bot.draftSha256()));
        Bot draft = BotDefinitions.read(new String(store.draft(bot), StandardCharsets.UTF_8));
        return new BotView(bot.botId(), bot.name(), bot.locale(), bot.draftRevision(), trained, bot.publishedVersion(),
                stored.stream().map(v -> versionView(bot, v)).toList(), draft.webhook() == null ? null : draft.webhook().url(),
                bot.createdAt(), bot.updatedAt());
    }

    private List<VersionView> versions(StoredBot bot) {
        return store.versions(bot.projectId(), bot.botId()).stream().map(v -> versionView(bot, v)).toList();
    }

    private VersionView versionView(StoredBot bot, BotVersion v) {
        try {
            return new VersionView(v.version(), Integer.valueOf(v.version()).equals(bot.publishedVersion()),
                    json.readValue(v.modelCard(), BotModelCard.class), v.createdAt());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable model card of " + bot.botId() + " v" + v.version(), e);
        }
    }

    private <T> java.util.Optional<T> optionalBody(Context ctx, Class<T> type) {
        return ctx.bodyAsBytes().length == 0 ? java.util.Optional.empty() : java.util.Optional.of(bodies.read(ctx, type));
    }

    private static Integer ifMatch(Context ctx) {
        String header = ctx.header("If-Match");
        if (header == null) return null;
        try {
            return Integer.parseInt(header.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw Problem.invalid("If-Match must be the draft revision from the bot's ETag, e.g. \"3\"; got '" + header + "'");
        }
    }

    private static int parseVersion(String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw Problem.invalid("version must be a whole number; got '" + version + "'");
        }
    }
}
