package io.gureum.server;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test client for the real HTTP API. Every response it receives is checked against openapi.yaml
 * (status, headers, body schema), so each test doubles as a contract test.
 */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenApiInteractionValidator CONTRACT = OpenApiInteractionValidator
            .createForInlineApiSpecification(openApi()).build();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public record Response(int status, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("response is not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String problemCode() {
            assertThat(header("Content-Type")).startsWith("application/problem+json");
            return json().path("code").asText();
        }
    }

    public Response get(String path, String key) { return send("GET", path, key, null, null, Map.of()); }

    public Response delete(String path, String key) { return send("DELETE", path, key, null, null, Map.of()); }

    public Response postJson(String path, String key, Object body) {
        return postJson(path, key, body, Map.of());
    }

    public Response postJson(String path, String key, Object body, Map<String, String> headers) {
        try {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send("POST", path, key, "application/json", text.getBytes(StandardCharsets.UTF_8), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response send(String method, String path, String key, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) b.header("Authorization", "Bearer " + key);
        if (contentType != null) b.header("Content-Type", contentType);
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Response response = new Response(r.statusCode(), r.headers().map(), r.body());
            assertThat(response.header("X-Request-Id")).as("X-Request-Id on " + method + " " + path).isNotBlank();
            validate(method, path, response);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls an operation until it ends (succeeded, failed or canceled) and returns it. */
    public JsonNode awaitOperation(String location, String key, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode op = get(location, key).json();
            if (List.of("succeeded", "failed", "canceled").contains(op.get("status").asText())) return op;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("operation " + location + " did not end within " + limit);
    }

    /** A binary answer (audio): the body as bytes; a problem answer is still checked against openapi.yaml. */
    public record BinaryResponse(int status, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    public BinaryResponse postJsonForBytes(String path, String key, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() >= 400) validate("POST", path, new Response(r.statusCode(), r.headers().map(), new String(r.body(), StandardCharsets.UTF_8)));
            return new BinaryResponse(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void validate(String method, String path, Response r) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (bare.startsWith("/docs/assets")) return; // third-party static files, not part of the contract
        SimpleResponse.Builder sr = SimpleResponse.Builder.status(r.status()).withBody(r.body());
        r.headers().forEach((name, values) -> sr.withHeader(name, values));
        ValidationReport report = CONTRACT.validateResponse(bare, Request.Method.valueOf(method), sr.build());
        boolean outsideContract = !report.getMessages().isEmpty() && report.getMessages().stream()
                .allMatch(m -> m.getKey().equals("validation.request.path.missing") || m.getKey().equals("validation.request.operation.notAllowed"));
        if (outsideContract) {
            // a route or method the API does not have: the answer must still be a well-formed problem
            assertThat(r.status()).as("%s %s is not in openapi.yaml", method, path).isIn(404, 405);
            JsonNode problem = r.json();
            assertThat(problem.path("code").asText()).isNotBlank();
            assertThat(problem.path("status").asInt()).isEqualTo(r.status());
            assertThat(problem.path("requestId").asText()).isEqualTo(r.header("X-Request-Id"));
            return;
        }
        assertThat(report.getMessages())
                .as("%s %s -> %d must match openapi.yaml; body: %s", method, path, r.status(), abbreviate(r.body()))
                .isEmpty();
    }

    private static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }

    private static String openApi() {
        try (InputStream in = ApiClient.class.getResourceAsStream("/io/gureum/server/openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
