package io.gureum.platform.webhooks;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSenderTest {
    private HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final Map<String, String> headers = new ConcurrentHashMap<>();
    private volatile byte[] received;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            received = exchange.getRequestBody().readAllBytes();
            headers.put("method", exchange.getRequestMethod());
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Test
    void postsSignedJson() {
        WebhookSender sender = new WebhookSender(new WebhookPolicy(true, Set.of()), WebhookSender.newHttpClient());
        byte[] body = "{\"id\":\"op_1\"}".getBytes(StandardCharsets.UTF_8);

        DeliveryResult result = sender.send(url(), "s3cret", "op_1", body);

        assertThat(result.delivered()).isTrue();
        assertThat(received).isEqualTo(body);
        assertThat(headers.get("method")).isEqualTo("POST");
        assertThat(headers.get("content-type")).isEqualTo("application/json");
        assertThat(headers.get("x-gureum-operation-id")).isEqualTo("op_1");
        assertThat(headers.get("x-gureum-signature")).isEqualTo("sha256=" + Signatures.hmacSha256Hex("s3cret", received));
    }

    @Test
    void non2xxIsNotDelivered() {
        WebhookSender sender = new WebhookSender(new WebhookPolicy(true, Set.of()), WebhookSender.newHttpClient());
        status.set(500);
        DeliveryResult result = sender.send(url(), "s", "op_1", new byte[0]);
        assertThat(result.delivered()).isFalse();
        assertThat(result.detail()).contains("500");
    }

    @Test
    void connectionErrorIsNotDelivered() {
        WebhookSender sender = new WebhookSender(new WebhookPolicy(true, Set.of()), WebhookSender.newHttpClient());
        String deadUrl = url();
        server.stop(0);
        assertThat(sender.send(deadUrl, "s", "op_1", new byte[0]).delivered()).isFalse();
    }

    @Test
    void refusedUrlIsNotCalled() {
        WebhookSender sender = new WebhookSender(new WebhookPolicy(false, Set.of()), WebhookSender.newHttpClient());
        DeliveryResult result = sender.send(url(), "s", "op_1", new byte[0]);
        assertThat(result.delivered()).isFalse();
        assertThat(result.detail()).startsWith("refused");
        assertThat(received).isNull();
    }

    @Test
    void refusesClientsThatFollowRedirects() {
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        assertThatThrownBy(() -> new WebhookSender(new WebhookPolicy(false, Set.of()), following))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
