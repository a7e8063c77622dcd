package io.gureum.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.gureum.chatbot.bot.Bot;
import io.gureum.chatbot.bot.BotDefinitions;
import io.gureum.chatbot.bot.ExampleBots;
import io.gureum.chatbot.bot.Intent;
import io.gureum.chatbot.bot.Webhook;
import io.gureum.platform.webhooks.Signatures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chatbot API end to end on real trained models: both example bots created (JSON and YAML), trained through the
 * operation, and talked to over REST and the WebSocket, with slot prompts, corrections, confirmation and fallback;
 * signed fulfillment webhooks (and their timeouts); versions, export, errors, metering and the widget. Responses are
 * checked against openapi.yaml.
 */
class ChatbotApiTest {
    private static TestServer server;
    private static ApiClient api;
    private static String key;
    private static String webhookSecret;
    /** The English example bot, trained (version 1). */
    private static String english;

    @BeforeAll
    static void start() {
        server = TestServer.start(null, Map.of());
        api = server.api;
        JsonNode project = api.postJson("/v1/projects", server.adminKey(), Map.of("name", "bots")).json();
        webhookSecret = project.get("webhookSecret").asText();
        key = api.postJson("/v1/projects/" + project.get("id").asText() + "/keys", server.adminKey(),
                Map.of("name", "k", "scopes", List.of("chatbot"))).json().get("secret").asText();
        english = createAndTrain(BotDefinitions.write(ExampleBots.restaurantEnglish()), "application/json");
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static String createAndTrain(String definition, String contentType) {
        ApiClient.Response created = api.send("POST", "/v1/bots", key, contentType, definition.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/v1/bots/" + id);
        JsonNode op = train(id);
        assertThat(op.get("status").asText()).as(op.toString()).isEqualTo("succeeded");
        return id;
    }

    private static JsonNode train(String botId) {
        ApiClient.Response accepted = api.postJson("/v1/bots/" + botId + ":train", key, Map.of());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return api.awaitOperation(accepted.header("Operation-Location"), key, Duration.ofMinutes(3));
    }

    private static ApiClient.Response say(String botId, String session, String text) {
        return api.postJson("/v1/bots/" + botId + "/sessions/" + session + ":message", key, Map.of("text", text));
    }

    private static JsonNode reply(String botId, String session, String text) {
        ApiClient.Response r = say(botId, session, text);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static Map<String, String> slots(JsonNode reply) {
        Map<String, String> out = new java.util.TreeMap<>();
        reply.get("slots").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().get("value").asText()));
        return out;
    }

    @Test
    void trainingRecordsAVersionWithItsModelCardAndPublishesIt() {
        JsonNode bot = api.get("/v1/bots/" + english, key).json();
        assertThat(bot.get("publishedVersion").asInt()).isEqualTo(1);
        assertThat(bot.get("draftTrained").asBoolean()).isTrue();
        JsonNode card = bot.at("/versions/0/modelCard");
        assertThat(card.get("intents").asInt()).isEqualTo(ExampleBots.restaurantEnglish().intents().size());
        assertThat(card.get("trainingPhrases").asInt()).isGreaterThan(50);
        assertThat(card.get("outOfScopeExamples").asInt()).isEqualTo(12);
        assertThat(card.get("embeddingModel").asText()).startsWith("all-minilm-l6-v2");
        assertThat(card.get("modelSha256").asText()).hasSize(64);
        assertThat(api.get("/v1/bots", key).json().get("bots").findValuesAsText("id")).contains(english);
        assertThat(api.get("/v1/bots/" + english + "/versions", key).json().get("versions")).hasSize(1);
    }

    @Test
    void parseRanksIntentsAndFindsEntitiesWithOffsets() {
        JsonNode parse = api.postJson("/v1/bots/" + english + ":parse", key, Map.of("text", "book a table for 4 tomorrow at 7pm")).json();
        assertThat(parse.at("/intent/name").asText()).isEqualTo("book_table");
        assertThat(parse.get("outOfScope").asBoolean()).isFalse();
        assertThat(parse.get("intents").size()).isGreaterThan(1);
        assertThat(parse.get("entities")).anySatisfy(e -> {
            assertThat(e.get("type").asText()).isEqualTo("sys.number");
            assertThat(e.get("value").asText()).isEqualTo("4");
            assertThat(e.get("start").asInt()).isEqualTo(17);
            assertThat(e.get("end").asInt()).isEqualTo(18);
        });
        JsonNode outOfScope = api.postJson("/v1/bots/" + english + ":parse", key, Map.of("text", "what is the capital of mongolia")).json();
        assertThat(outOfScope.get("outOfScope").asBoolean()).isTrue();
        assertThat(outOfScope.path("intent").isMissingNode()).as("no intent when out of scope").isTrue();
    }

    @Test
    void englishBookingWithPromptsCorrectionFallbackAndConfirmation() {
        String s = "en-" + System.nanoTime();
        JsonNode r = reply(english, s, "I'd like to book a table for 4 tomorrow");
        assertThat(r.get("newSession").asBoolean()).isTrue();
        assertThat(r.get("intent").asText()).isEqualTo("book_table");
        assertThat(r.get("status").asText()).isEqualTo("collecting");
        assertThat(r.at("/reply/text").asText()).isEqualTo("At what time?");
        r = reply(english, s, "what's the weather like on mars");
        assertThat(r.get("newSession").asBoolean()).isFalse();
        assertThat(r.get("status").asText()).isEqualTo("fallback");
        assertThat(slots(r)).as("a fallback keeps the booking").containsEntry("party_size", "4");
        assertThat(r.at("/reply/text").asText()).endsWith("At what time?");
        r = reply(english, s, "7pm");
        assertThat(r.at("/reply/text").asText()).isEqualTo("What name should the booking be under?");
        r = reply(english, s, "actually make it 5 people");
        assertThat(slots(r)).containsEntry("party_size", "5").containsEntry("time", "19:00");
        reply(english, s, "Kim Minsu");
        r = reply(english, s, "415-555-2671");
        assertThat(r.get("status").asText()).isEqualTo("confirming");
        assertThat(r.at("/reply/quickReplies").findValuesAsText("")).isEmpty();
        assertThat(r.at("/reply/quickReplies/0").asText()).isEqualTo("Yes");

        JsonNode session = api.get("/v1/bots/" + english + "/sessions/" + s, key).json();
        assertThat(session.get("confirming").asBoolean()).isTrue();
        assertThat(session.get("turns").asInt()).isEqualTo(6);
        assertThat(session.at("/slots/name/value").asText()).isEqualTo("Kim Minsu");

        r = reply(english, s, "yes");
        assertThat(r.get("status").asText()).isEqualTo("fulfilled");
        assertThat(r.at("/reply/text").asText()).startsWith("Done! Your table for 5 on 2026-").contains("under Kim Minsu");
        assertThat(api.delete("/v1/bots/" + english + "/sessions/" + s, key).status()).isEqualTo(204);
        assertThat(api.get("/v1/bots/" + english + "/sessions/" + s, key).status()).isEqualTo(404);
    }

    @Test
    void koreanBotImportedAsYamlConversesInKorean() {
        String korean = createAndTrain(BotDefinitions.write(ExampleBots.restaurantKorean(), BotDefinitions.Format.YAML), "application/yaml");
        String s = "ko-1";
        JsonNode r = reply(korean, s, "내일 4명 예약하고 싶어요");
        assertThat(r.get("intent").asText()).isEqualTo("book_table");
        assertThat(r.at("/reply/text").asText()).isEqualTo("몇 시로 할까요?");
        r = reply(korean, s, "내일 날씨 어때요");   // "내일" only restates the date: out of scope, the booking is kept
        assertThat(r.get("status").asText()).isEqualTo("fallback");
        assertThat(r.at("/reply/text").asText()).endsWith("몇 시로 할까요?");
        assertThat(slots(r)).containsEntry("party_size", "4");
        assertThat(reply(korean, s, "저녁 7시").at("/reply/text").asText()).isEqualTo("예약자 성함이 어떻게 되세요?");
        assertThat(reply(korean, s, "김민수입니다").at("/reply/text").asText()).isEqualTo("연락 가능한 전화번호를 알려 주세요.");
        r = reply(korean, s, "010-1234-5678");
        assertThat(r.get("status").asText()).isEqualTo("confirming");
        assertThat(r.at("/reply/quickReplies/0").asText()).isEqualTo("네");
        r = reply(korean, s, "아니 5명으로");
        assertThat(r.get("status").asText()).isEqualTo("confirming");
        assertThat(r.at("/reply/text").asText()).contains("5명");
        r = reply(korean, s, "네");
        assertThat(r.get("status").asText()).isEqualTo("fulfilled");
        assertThat(r.at("/reply/text").asText()).startsWith("예약되었습니다!").contains("5명", "김민수");

        // exported as YAML and JSON, it reads back to the same bot
        ApiClient.Response yaml = api.get("/v1/bots/" + korean + "/definition?format=yaml", key);
        assertThat(yaml.header("Content-Type")).startsWith("application/yaml");
        assertThat(BotDefinitions.read(yaml.body(), BotDefinitions.Format.YAML)).isEqualTo(ExampleBots.restaurantKorean());
        assertThat(BotDefinitions.read(api.get("/v1/bots/" + korean + "/definition?version=1", key).body())).isEqualTo(ExampleBots.restaurantKorean());
    }

    @Test
    void draftsChangeWithoutTouchingThePublishedVersionAndVersionsCanBeRolledBack() {
        String id = createAndTrain(BotDefinitions.write(ExampleBots.restaurantEnglish()), "application/json");
        JsonNode before = api.get("/v1/bots/" + id, key).json();
        Bot renamed = renamed(ExampleBots.restaurantEnglish(), "Bistro");
        ApiClient.Response stale = api.send("PUT", "/v1/bots/" + id, key, "application/json",
                BotDefinitions.write(renamed).getBytes(StandardCharsets.UTF_8), Map.of("If-Match", "\"7\""));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.problemCode()).isEqualTo("revision_mismatch");
        ApiClient.Response put = api.send("PUT", "/v1/bots/" + id, key, "application/json",
                BotDefinitions.write(renamed).getBytes(StandardCharsets.UTF_8), Map.of("If-Match", "\"" + before.get("draftRevision").asInt() + "\""));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("name").asText()).isEqualTo("Bistro");
        assertThat(put.json().get("draftTrained").asBoolean()).isFalse();
        assertThat(put.json().get("publishedVersion").asInt()).isEqualTo(1);

        ApiClient.Response unpublished = api.postJson("/v1/bots/" + id + ":train", key, Map.of("publish", false));
        JsonNode op = api.awaitOperation(unpublished.header("Operation-Location"), key, Duration.ofMinutes(3));
        assertThat(op.at("/result/version").asInt()).isEqualTo(2);
        assertThat(op.at("/result/published").asBoolean()).isFalse();
        assertThat(api.get("/v1/bots/" + id, key).json().get("publishedVersion").asInt()).isEqualTo(1);
        assertThat(api.postJson("/v1/bots/" + id + ":publish", key, Map.of("version", 2)).json().get("publishedVersion").asInt()).isEqualTo(2);
        assertThat(api.postJson("/v1/bots/" + id + ":publish", key, Map.of("version", 9)).status()).isEqualTo(404);
        assertThat(api.delete("/v1/bots/" + id, key).status()).isEqualTo(204);
        assertThat(api.get("/v1/bots/" + id, key).status()).isEqualTo(404);
    }

    private static Bot renamed(Bot bot, String name) {
        return new Bot(name, bot.locale(), bot.timeZone(), bot.intents(), bot.entityTypes(), bot.fallback(), bot.outOfScopeExamples(), bot.webhook());
    }

    private static Bot withWebhook(Bot bot, String url, int timeoutMillis) {
        List<Intent> intents = bot.intents().stream().map(i -> !i.name().equals("book_table") ? i : new Intent(i.name(), i.phrases(), i.slots(),
                i.confirmation(), i.responses(), i.inputContexts(), i.outputContexts(), true)).toList();
        return new Bot(bot.name(), bot.locale(), bot.timeZone(), intents, bot.entityTypes(), bot.fallback(), bot.outOfScopeExamples(),
                new Webhook(url, timeoutMillis, 1));
    }

    @Test
    void fulfillmentWebhookIsSignedSetsSlotsAndATimeoutLeavesTheSessionToRetry() throws Exception {
        BlockingQueue<Map.Entry<String, byte[]>> calls = new LinkedBlockingQueue<>();
        AtomicLong delayMillis = new AtomicLong(0);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.createContext("/fulfil", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            calls.add(Map.entry(exchange.getRequestHeaders().getFirst("X-Gureum-Signature"), body));
            try {
                Thread.sleep(delayMillis.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] answer = "{\"reply\":{\"text\":\"Booked, reference R-17.\",\"quickReplies\":[\"Thanks\"]},\"slots\":{\"reference\":\"R-17\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/fulfil";
            String id = createAndTrain(BotDefinitions.write(withWebhook(ExampleBots.restaurantEnglish(), url, 400)), "application/json");
            String s = "hook";
            reply(id, s, "book a table for 2 tomorrow at 7pm");
            reply(id, s, "Lee");
            assertThat(reply(id, s, "415-555-2671").get("status").asText()).isEqualTo("confirming");

            delayMillis.set(1_500);
            ApiClient.Response timedOut = say(id, s, "yes");
            assertThat(timedOut.status()).isEqualTo(504);
            assertThat(timedOut.problemCode()).isEqualTo("fulfillment_timeout");
            assertThat(timedOut.json().get("attempts").asInt()).isEqualTo(2);
            assertThat(calls.poll(5, TimeUnit.SECONDS)).isNotNull();
            assertThat(calls.poll(5, TimeUnit.SECONDS)).as("retried once").isNotNull();
            assertThat(api.get("/v1/bots/" + id + "/sessions/" + s, key).json().get("confirming").asBoolean())
                    .as("the message was not taken").isTrue();

            delayMillis.set(0);
            JsonNode done = reply(id, s, "yes");
            assertThat(done.get("status").asText()).isEqualTo("fulfilled");
            assertThat(done.at("/reply/text").asText()).isEqualTo("Booked, reference R-17.");
            assertThat(slots(done)).containsEntry("reference", "R-17").containsEntry("name", "Lee");
            Map.Entry<String, byte[]> call = calls.poll(5, TimeUnit.SECONDS);
            assertThat(call.getKey()).isEqualTo("sha256=" + Signatures.hmacSha256Hex(webhookSecret, call.getValue()));
            JsonNode sent = new com.fasterxml.jackson.databind.ObjectMapper().readTree(call.getValue());
            assertThat(sent.get("type").asText()).isEqualTo("chatbot.fulfillment");
            assertThat(sent.get("intent").asText()).isEqualTo("book_table");
            assertThat(sent.get("sessionId").asText()).isEqualTo(s);
            assertThat(sent.at("/slots/party_size").asText()).isEqualTo("2");

            // a webhook at an address the server refuses is a definition error
            ApiClient.Response refused = api.send("POST", "/v1/bots", key, "application/json",
                    BotDefinitions.write(withWebhook(ExampleBots.restaurantEnglish(), "http://169.254.169.254/x", 400)).getBytes(StandardCharsets.UTF_8), Map.of());
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().at("/errors/0/path").asText()).isEqualTo("webhook.url");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void websocketConversationSharesTheRestSessionAndIsBilledPerMessage() throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + key)
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/v1/bots/" + english + "/sessions/ws-1/stream"), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            frames.add(text.toString());
                            text.setLength(0);
                        }
                        socket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(json.readTree(frames.poll(10, TimeUnit.SECONDS)).get("type").asText()).isEqualTo("ready");
        ws.sendText("{\"text\": \"book a table for 3 on Friday at 8pm\"}", true).get();
        JsonNode first = json.readTree(frames.poll(10, TimeUnit.SECONDS));
        assertThat(first.get("type").asText()).isEqualTo("reply");
        assertThat(first.at("/reply/text").asText()).isEqualTo("What name should the booking be under?");
        ws.sendText("   ", true).get();
        JsonNode error = json.readTree(frames.poll(10, TimeUnit.SECONDS));
        assertThat(error.get("type").asText()).isEqualTo("error");
        assertThat(error.get("code").asText()).isEqualTo("validation_failed");
        ws.sendText("Park", true).get();
        assertThat(json.readTree(frames.poll(10, TimeUnit.SECONDS)).at("/reply/text").asText()).isEqualTo("What phone number can we reach you on?");
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get();
        // the same session over REST
        assertThat(reply(english, "ws-1", "415-555-2671").get("status").asText()).isEqualTo("confirming");

        CompletableFuture<WebSocket> refused = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + key)
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/v1/bots/bot_nope/sessions/x/stream"), new WebSocket.Listener() {});
        assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class);
    }

    @Test
    void clearErrorsForBadDefinitionsUnknownBotsAndUntrainedBots() {
        String broken = BotDefinitions.write(ExampleBots.restaurantEnglish()).replace("\"locale\" : \"en-US\"", "\"locale\" : \"fr-FR\"");
        assertThat(broken).contains("fr-FR");
        ApiClient.Response invalid = api.send("POST", "/v1/bots", key, "application/json", broken.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.problemCode()).isEqualTo("invalid_bot");
        assertThat(invalid.json().at("/errors/0/path").asText()).isEqualTo("locale");
        ApiClient.Response badPhrase = api.send("POST", "/v1/bots", key, "application/json",
                BotDefinitions.write(ExampleBots.restaurantEnglish()).replaceFirst("\\]\\(party_size\\)", "](people)").getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(badPhrase.status()).isEqualTo(422);
        assertThat(badPhrase.json().at("/errors/0/path").asText()).matches("intents\\[\\d+]\\.phrases\\[\\d+]");
        assertThat(badPhrase.json().at("/errors/0/message").asText()).contains("'people' is not declared");
        assertThat(api.send("POST", "/v1/bots", key, "application/yaml", "name: [unclosed".getBytes(StandardCharsets.UTF_8), Map.of()).problemCode())
                .isEqualTo("invalid_bot");
        assertThat(api.send("POST", "/v1/bots", key, "text/plain", "hi".getBytes(StandardCharsets.UTF_8), Map.of()).status()).isEqualTo(415);
        assertThat(api.send("POST", "/v1/bots", key, "application/json", new byte[0], Map.of()).problemCode()).isEqualTo("empty_body");

        assertThat(api.get("/v1/bots/bot_nope", key).status()).isEqualTo(404);
        assertThat(say("bot_nope", "s", "hi").status()).isEqualTo(404);
        assertThat(api.postJson("/v1/bots/bot_nope:train", key, Map.of()).status()).isEqualTo(404);
        assertThat(api.postJson("/v1/bots/" + english + ":dance", key, Map.of()).status()).isEqualTo(404);
        assertThat(api.postJson("/v1/bots/" + english + "/sessions/s1", key, Map.of("text", "hi")).status()).as("no :message").isEqualTo(404);
        assertThat(api.get("/v1/bots/" + english + "/sessions/never", key).status()).isEqualTo(404);
        assertThat(say(english, "bad*id", "hi").status()).isEqualTo(422);
        assertThat(say(english, "s", " ").problemCode()).isEqualTo("validation_failed");
        assertThat(api.postJson("/v1/bots/" + english + "/sessions/s:message", key, Map.of("txt", "hi")).status()).isEqualTo(422);

        String untrained = api.send("POST", "/v1/bots", key, "application/json",
                BotDefinitions.write(ExampleBots.restaurantEnglish()).getBytes(StandardCharsets.UTF_8), Map.of()).json().get("id").asText();
        ApiClient.Response notTrained = say(untrained, "s", "hello");
        assertThat(notTrained.status()).isEqualTo(409);
        assertThat(notTrained.problemCode()).isEqualTo("bot_not_trained");
        assertThat(notTrained.json().get("detail").asText()).contains(":train");
        assertThat(api.postJson("/v1/bots/" + untrained + ":parse", key, Map.of("text", "hello")).problemCode()).isEqualTo("bot_not_trained");

        String languageKey = api.postJson("/v1/projects/" + api.postJson("/v1/projects", server.adminKey(), Map.of("name", "no-bots")).json().get("id").asText()
                + "/keys", server.adminKey(), Map.of("name", "k", "scopes", List.of("language"))).json().get("secret").asText();
        assertThat(api.get("/v1/bots", languageKey).status()).isEqualTo(403);
        assertThat(api.get("/v1/bots/" + english, null).status()).isEqualTo(401);
    }

    @Test
    void messagesAndParsesAreMeteredInMessages() {
        String s = "metered";
        reply(english, s, "hello");
        api.postJson("/v1/bots/" + english + ":parse", key, Map.of("text", "hello"));
        server.gureum().usage().flush();
        JsonNode usage = api.get("/v1/usage?groupBy=service", key).json();
        JsonNode row = null;
        for (JsonNode r : usage.get("rows")) if (r.get("service").asText().equals("chatbot")) row = r;
        assertThat(row).as(usage.toString()).isNotNull();
        assertThat(row.get("unit").asText()).isEqualTo("messages");
        assertThat(row.get("units").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theWidgetIsServedAndTheApiAnswersCrossOriginPreflights() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ApiClient.Response widget = api.get("/widget/chat.js", null);
        assertThat(widget.status()).isEqualTo(200);
        assertThat(widget.header("Content-Type")).startsWith("text/javascript");
        assertThat(widget.body()).contains("data-bot", ":message");
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/v1/bots/" + english + "/sessions/w:message"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "x-api-key, content-type").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()).contains("X-Api-Key");
        AtomicReference<String> origin = new AtomicReference<>();
        ApiClient.Response crossOrigin = api.send("POST", "/v1/bots/" + english + "/sessions/w:message", key, "application/json",
                "{\"text\":\"hello\"}".getBytes(StandardCharsets.UTF_8), Map.of("Origin", "https://shop.example"));
        origin.set(crossOrigin.header("Access-Control-Allow-Origin"));
        assertThat(origin.get()).isEqualTo("*");
    }
}
