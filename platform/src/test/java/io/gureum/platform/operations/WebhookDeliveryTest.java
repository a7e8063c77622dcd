package io.gureum.platform.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.gureum.platform.db.TestDatabases;
import io.gureum.platform.webhooks.Signatures;
import io.gureum.platform.webhooks.WebhookPolicy;
import io.gureum.platform.webhooks.WebhookSender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import static io.gureum.platform.operations.OperationsFixture.await;
import static io.gureum.platform.operations.OperationsFixture.bytes;
import static io.gureum.platform.operations.OperationsFixture.settings;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(90)
class WebhookDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One received webhook call. */
    record Call(byte[] body, Map<String, String> headers) {}

    private HttpServer server;
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    /** Status codes to answer with, in order; 200 once used up. */
    private final Queue<Integer> replies = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            calls.add(new Call(body, headers));
            Integer status = replies.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private static WebhookSender sender() {
        return new WebhookSender(new WebhookPolicy(false, Set.of("127.0.0.1")), WebhookSender.newHttpClient());
    }

    private static OperationWorkers startWorkers(OperationsFixture f, String node, WebhookSender sender) {
        OperationWorkers w = f.closeLater(new OperationWorkers(f.db, f.blobs,
                List.of(new TestHandler("echo", ctx -> bytes("{}"))), settings(node, 2, Duration.ofSeconds(5)), sender, f.clock));
        w.start();
        return w;
    }

    private String submitWithHook(OperationsFixture f) {
        return f.service.submit(new NewOperation(f.projectId, "echo", bytes("x"), null, hookUrl())).operation().id();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void deliversSignedWebhookAfterARetry(TestDatabases.Kind kind) throws IOException {
        try (OperationsFixture f = new OperationsFixture(kind)) {
            replies.add(500);
            startWorkers(f, "node-a", sender());
            String id = submitWithHook(f);

            await(WAIT, "webhook delivered", () -> "delivered".equals(f.column(id, "webhook_state")));
            assertThat(f.column(id, "webhook_attempts")).isEqualTo("2");
            assertThat(calls).hasSize(2);

            for (Call call : calls) {
                assertThat(call.headers().get("content-type")).isEqualTo("application/json");
                assertThat(call.headers().get("x-gureum-operation-id")).isEqualTo(id);
                assertThat(call.headers().get("x-gureum-signature"))
                        .isEqualTo("sha256=" + Signatures.hmacSha256Hex(f.webhookSecret, call.body()));
            }
            Operation op = f.get(id);
            JsonNode body = JSON.readTree(calls.peek().body());
            assertThat(body.get("id").asText()).isEqualTo(id);
            assertThat(body.get("kind").asText()).isEqualTo("echo");
            assertThat(body.get("status").asText()).isEqualTo("succeeded");
            assertThat(body.get("createdAt").asText()).isEqualTo(op.createdAt().toString());
            assertThat(body.get("completedAt").asText()).isEqualTo(op.completedAt().toString());
            assertThat(body.get("error").isNull()).isTrue();
            assertThat(body.get("operationLocation").asText()).isEqualTo("/v1/operations/" + id);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void givesUpAfterFiveAttempts(TestDatabases.Kind kind) throws InterruptedException {
        try (OperationsFixture f = new OperationsFixture(kind)) {
            for (int i = 0; i < 10; i++) replies.add(503);
            startWorkers(f, "node-a", sender());
            String id = submitWithHook(f);

            await(WAIT, "webhook failed", () -> "failed".equals(f.column(id, "webhook_state")));
            assertThat(f.column(id, "webhook_attempts")).isEqualTo("5");
            Thread.sleep(300);
            assertThat(calls).hasSize(5);
            assertThat(f.get(id).status()).isEqualTo(OperationStatus.SUCCEEDED);   // the webhook does not change the operation
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void pendingWebhookSurvivesARestartAndAnotherNodeDeliversIt(TestDatabases.Kind kind) {
        try (OperationsFixture f = new OperationsFixture(kind)) {
            // Node A runs the operation but does not deliver webhooks, then stops.
            OperationWorkers a = startWorkers(f, "node-a", null);
            String id = submitWithHook(f);
            f.awaitStatus(id, OperationStatus.SUCCEEDED, WAIT);
            a.close();
            assertThat(f.column(id, "webhook_state")).isEqualTo("pending");
            assertThat(calls).isEmpty();

            // Node B, started later, delivers it.
            startWorkers(f, "node-b", sender());
            await(WAIT, "webhook delivered", () -> "delivered".equals(f.column(id, "webhook_state")));
            assertThat(calls).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void cancelingSendsTheWebhookToo(TestDatabases.Kind kind) throws IOException {
        try (OperationsFixture f = new OperationsFixture(kind)) {
            String id = f.service.submit(new NewOperation(f.projectId, "never-run", bytes("x"), null, hookUrl())).operation().id();
            f.service.cancel(f.projectId, id);
            startWorkers(f, "node-a", sender());

            await(WAIT, "webhook delivered", () -> "delivered".equals(f.column(id, "webhook_state")));
            JsonNode body = JSON.readTree(calls.peek().body());
            assertThat(body.get("status").asText()).isEqualTo("canceled");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void failedOperationReportsItsError(TestDatabases.Kind kind) throws IOException {
        try (OperationsFixture f = new OperationsFixture(kind)) {
            OperationWorkers w = f.closeLater(new OperationWorkers(f.db, f.blobs,
                    List.of(new TestHandler("bad", ctx -> {
                        throw io.gureum.core.Problem.invalid("not an image");
                    })), settings("node-a", 1, Duration.ofSeconds(5)), sender(), f.clock));
            w.start();
            String id = f.service.submit(new NewOperation(f.projectId, "bad", bytes("x"), null, hookUrl())).operation().id();

            await(WAIT, "webhook delivered", () -> "delivered".equals(f.column(id, "webhook_state")));
            JsonNode body = JSON.readTree(calls.peek().body());
            assertThat(body.get("status").asText()).isEqualTo("failed");
            assertThat(body.get("error").get("code").asText()).isEqualTo("validation_failed");
            assertThat(body.get("error").get("message").asText()).isEqualTo("not an image");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void noWebhookUrlMeansNoDelivery(TestDatabases.Kind kind) throws InterruptedException {
        try (OperationsFixture f = new OperationsFixture(kind)) {
            startWorkers(f, "node-a", sender());
            String id = f.submit("echo", "x").id();
            f.awaitStatus(id, OperationStatus.SUCCEEDED, WAIT);
            Thread.sleep(100);
            assertThat(f.column(id, "webhook_state")).isNull();
            assertThat(calls).isEmpty();
        }
    }
}
