package io.gureum.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.gureum.platform.webhooks.Signatures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Limits, errors, operations, webhooks and the system endpoints against one running node (H2). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiBehaviourTest {
    private static final long MAX_BODY = 64 * 1024;
    private TestServer server;
    private ApiClient api;
    private String admin;
    private String projectId;
    private String webhookSecret;

    @BeforeAll
    void start() {
        server = TestServer.start(null, Map.of("GUREUM_MAX_BODY_BYTES", String.valueOf(MAX_BODY)));
        api = server.api;
        admin = server.adminKey();
        JsonNode project = api.postJson("/v1/projects", admin, Map.of("name", "behaviour")).json();
        projectId = project.get("id").asText();
        webhookSecret = project.get("webhookSecret").asText();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String key(Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "k", "scopes", List.of("language")));
        body.putAll(extra);
        ApiClient.Response r = api.postJson("/v1/projects/" + projectId + "/keys", admin, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("secret").asText();
    }

    private static Map<String, Object> docs(String... texts) {
        List<Map<String, String>> list = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) list.add(Map.of("id", String.valueOf(i), "text", texts[i]));
        return Map.of("documents", list);
    }

    @Test
    void rateLimitAnswers429WithRetryAfterAndRateLimitHeaders() {
        String key = key(Map.of("rateLimit", Map.of("requestsPerSecond", 0.5, "burst", 2)));
        ApiClient.Response first = api.postJson("/v1/language/detect", key, docs("Bonjour tout le monde"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("RateLimit-Limit")).isEqualTo("2");
        assertThat(first.header("RateLimit-Remaining")).isEqualTo("1");
        assertThat(api.postJson("/v1/language/detect", key, docs("Bonjour")).status()).isEqualTo(200);
        ApiClient.Response limited = api.postJson("/v1/language/detect", key, docs("Bonjour"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.problemCode()).isEqualTo("rate_limited");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 2);
        assertThat(limited.header("RateLimit-Remaining")).isEqualTo("0");
    }

    @Test
    void monthlyQuotaInCharactersAnswers429AndIsNotSpentByRejectedCalls() {
        String key = key(Map.of("quotas", Map.of("language", 50)));
        String text = "Dies ist ein kurzer deutscher Satz."; // 35 characters
        assertThat(api.postJson("/v1/language/detect", key, docs(text)).status()).isEqualTo(200);
        ApiClient.Response over = api.postJson("/v1/language/detect", key, docs(text));
        assertThat(over.status()).isEqualTo(429);
        assertThat(over.problemCode()).isEqualTo("quota_exceeded");
        assertThat(over.header("Retry-After")).isNotBlank();
        assertThat(over.json().get("used").asLong()).isEqualTo(35);
        assertThat(api.postJson("/v1/language/detect", key, docs("Hola, amigo")).status()).as("11 more fit").isEqualTo(200);
    }

    @Test
    void badRequestsGetProblemJson() {
        String key = key(Map.of());
        assertThat(api.postJson("/v1/language/detect", key, "{\"documents\": [").problemCode()).isEqualTo("invalid_json");
        ApiClient.Response wrongType = api.send("POST", "/v1/language/detect", key, "text/plain", "hello".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.problemCode()).isEqualTo("unsupported_media_type");
        ApiClient.Response huge = api.postJson("/v1/language/detect", key, docs("a".repeat((int) MAX_BODY + 10)));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.problemCode()).isEqualTo("payload_too_large");
        ApiClient.Response tooLong = api.postJson("/v1/language/detect", key, docs("a".repeat(6000)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("detail").asText()).contains("5120");
        assertThat(api.postJson("/v1/language/detect", key, Map.of("documents", List.of(), "x", 1)).problemCode()).isEqualTo("validation_failed");
        ApiClient.Response unknownModel = api.postJson("/v1/language/detect", key,
                Map.of("documents", List.of(Map.of("id", "1", "text", "hello")), "model", "no-such-model"));
        assertThat(unknownModel.status()).isEqualTo(404);
        assertThat(unknownModel.problemCode()).isEqualTo("unknown_model");

        ApiClient.Response unknownRoute = api.get("/v1/no-such-thing", key);
        assertThat(unknownRoute.status()).isEqualTo(404);
        assertThat(unknownRoute.problemCode()).isEqualTo("not_found");
        assertThat(api.get("/nothing-here", null).problemCode()).isEqualTo("not_found");
        ApiClient.Response wrongMethod = api.send("PUT", "/v1/language/detect", key, "application/json", "{}".getBytes(), Map.of());
        assertThat(wrongMethod.status()).isEqualTo(405);

        ApiClient.Response noKey = api.postJson("/v1/language/detect", null, docs("hello"));
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.problemCode()).isEqualTo("missing_key");
        ApiClient.Response badKey = api.postJson("/v1/language/detect", "gur_not-a-key", docs("hello"));
        assertThat(badKey.status()).isEqualTo(401);
        assertThat(badKey.problemCode()).isEqualTo("invalid_key");
        assertThat(badKey.json().get("requestId").asText()).isEqualTo(badKey.header("X-Request-Id"));
        ApiClient.Response viaHeader = api.send("POST", "/v1/language/detect", null, "application/json",
                "{\"documents\":[{\"id\":\"1\",\"text\":\"Guten Morgen\"}]}".getBytes(), Map.of("X-Api-Key", key));
        assertThat(viaHeader.status()).isEqualTo(200);
    }

    @Test
    void scopesAndProjectsAreEnforced() {
        String key = key(Map.of());
        ApiClient.Response notAdmin = api.postJson("/v1/projects", key, Map.of("name", "sneaky"));
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(notAdmin.problemCode()).isEqualTo("scope_denied");
        String other = api.postJson("/v1/projects", admin, Map.of("name", "other")).json().get("id").asText();
        ApiClient.Response otherProject = api.get("/v1/projects/" + other + "/keys", key);
        assertThat(otherProject.status()).isEqualTo(403);
        assertThat(otherProject.problemCode()).isEqualTo("other_project");
        assertThat(api.postJson("/v1/projects", admin, Map.of("name", "other")).problemCode()).isEqualTo("project_exists");
        assertThat(api.get("/v1/projects", admin).json().get("projects")).extracting(p -> p.get("name").asText())
                .contains("admin", "behaviour", "other");
        assertThat(api.get("/v1/projects/" + projectId, key).json().get("name").asText()).isEqualTo("behaviour");
        assertThat(api.get("/v1/projects", key).problemCode()).isEqualTo("scope_denied");
        String past = Instant.now().minusSeconds(60).toString();
        assertThat(api.postJson("/v1/projects/" + projectId + "/keys", admin,
                Map.of("name", "old", "scopes", List.of("language"), "expiresAt", past)).status()).isEqualTo(422);
    }

    @Test
    void asyncDetectionIsAnOperationWithIdempotencyCancelAndSignedWebhook() throws Exception {
        String key = key(Map.of());
        BlockingQueue<Map.Entry<String, byte[]>> calls = new ArrayBlockingQueue<>(10);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            calls.add(Map.entry(exchange.getRequestHeaders().getFirst("X-Gureum-Signature"), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Map<String, Object> body = new java.util.HashMap<>(docs("Buenos días a todos", "Доброе утро, как вы себя чувствуете сегодня?", "좋은 아침입니다"));
            body.put("webhookUrl", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
            Map<String, String> headers = Map.of("Prefer", "respond-async", "Idempotency-Key", "batch-1");
            ApiClient.Response accepted = api.postJson("/v1/language/detect", key, body, headers);
            assertThat(accepted.status()).isEqualTo(202);
            String location = accepted.header("Operation-Location");
            assertThat(location).isEqualTo("/v1/operations/" + accepted.json().get("id").asText());
            assertThat(api.postJson("/v1/language/detect", key, body, headers).json().get("id").asText())
                    .as("same Idempotency-Key and body: same operation").isEqualTo(accepted.json().get("id").asText());
            ApiClient.Response reused = api.postJson("/v1/language/detect", key, docs("other body"), headers);
            assertThat(reused.status()).isEqualTo(409);
            assertThat(reused.problemCode()).isEqualTo("idempotency_key_reused");

            JsonNode done = awaitTerminal(location, key);
            assertThat(done.get("status").asText()).isEqualTo("succeeded");
            assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
            assertThat(done.at("/result/documents/0/languages/0/iso6391").asText()).isEqualTo("es");
            assertThat(done.at("/result/documents/1/languages/0/iso6391").asText()).isEqualTo("ru");
            assertThat(done.at("/result/documents/2/languages/0/iso6391").asText()).isEqualTo("ko");

            Map.Entry<String, byte[]> call = calls.poll(30, TimeUnit.SECONDS);
            assertThat(call).as("webhook called").isNotNull();
            assertThat(call.getKey()).isEqualTo("sha256=" + Signatures.hmacSha256Hex(webhookSecret, call.getValue()));
            assertThat(new String(call.getValue(), StandardCharsets.UTF_8)).contains(accepted.json().get("id").asText(), "succeeded");

            assertThat(api.get("/v1/operations?status=succeeded", key).json().get("operations"))
                    .anySatisfy(op -> assertThat(op.get("id").asText()).isEqualTo(done.get("id").asText()));
            ApiClient.Response cancelDone = api.delete(location, key);
            assertThat(cancelDone.status()).isEqualTo(409);
            assertThat(cancelDone.problemCode()).isEqualTo("operation_not_cancelable");
            assertThat(api.get("/v1/operations/op_nope", key).status()).isEqualTo(404);
            String otherKey = api.postJson("/v1/projects/" + api.postJson("/v1/projects", admin, Map.of("name", "ops-other")).json().get("id").asText() + "/keys",
                    admin, Map.of("name", "x", "scopes", List.of("language"))).json().get("secret").asText();
            assertThat(api.get(location, otherKey).status()).as("another project's operation is invisible").isEqualTo(404);
            assertThat(api.postJson("/v1/language/detect", key, Map.of("documents", List.of(Map.of("id", "1", "text", "hi")),
                    "webhookUrl", "http://169.254.169.254/latest"), Map.of("Prefer", "respond-async")).status())
                    .as("link-local webhook refused").isEqualTo(422);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void largeBatchBecomesAnOperationAndCanBeCanceled() {
        String key = key(Map.of());
        List<Map<String, String>> many = new ArrayList<>();
        for (int i = 0; i < 600; i++) many.add(Map.of("id", "d" + i, "text", "Ceci est une phrase en français numéro " + i));
        ApiClient.Response accepted = api.postJson("/v1/language/detect", key, Map.of("documents", many));
        assertThat(accepted.status()).as("over 100 documents runs asynchronously").isEqualTo(202);
        ApiClient.Response canceled = api.delete(accepted.header("Operation-Location"), key);
        if (canceled.status() == 200) {
            assertThat(canceled.json().get("status").asText()).isEqualTo("canceled");
            assertThat(awaitTerminal(accepted.header("Operation-Location"), key).get("status").asText()).isEqualTo("canceled");
        } else {
            assertThat(canceled.problemCode()).as("only if it already finished").isEqualTo("operation_not_cancelable");
        }
    }

    @Test
    void systemEndpointsServeHealthReadinessMetricsContractAndDocs() {
        server.gureum().languageDetection().warmUp();
        assertThat(api.get("/healthz", null).json().get("status").asText()).isEqualTo("ok");
        ApiClient.Response ready = api.get("/readyz", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("ready");
        api.postJson("/v1/language/detect", key(Map.of()), docs("metrics please"));
        String metrics = api.get("/metrics", null).body();
        assertThat(metrics).contains("http_server_requests_seconds_bucket", "route=\"/v1/language/detect\"", "status=\"200\"", "jvm_memory_used_bytes");
        assertThat(api.get("/openapi.yaml", null).body()).startsWith("openapi: 3.0.3");
        assertThat(api.get("/docs", null).body()).contains("swagger-ui-bundle.js", "/openapi.yaml");
        ApiClient.Response bundle = api.get("/docs/assets/swagger-ui-bundle.js", null);
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.body().length()).isGreaterThan(100_000);
        ApiClient.Response console = api.get("/console", null);
        assertThat(console.status()).as("200, or 503 from a build without the console (-Dconsole.skip=true)").isIn(200, 503);
        if (console.status() == 200) {
            assertThat(console.body()).contains("<script type=\"importmap\">", "/console/js/main.js");
            assertThat(console.header("Content-Security-Policy")).contains("script-src 'self' 'sha256-", "frame-ancestors 'none'");
        }
        assertThat(api.get("/v1/models", admin).json().get("models"))
                .anySatisfy(m -> {
                    assertThat(m.get("id").asText()).isEqualTo("lingua");
                    assertThat(m.get("installed").asBoolean()).isTrue();
                    assertThat(m.get("licence").asText()).isEqualTo("Apache-2.0");
                });
    }

    private JsonNode awaitTerminal(String location, String key) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            JsonNode op = api.get(location, key).json();
            if (List.of("succeeded", "failed", "canceled").contains(op.get("status").asText())) return op;
            sleep(100);
        }
        throw new AssertionError("operation " + location + " did not finish in time");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
