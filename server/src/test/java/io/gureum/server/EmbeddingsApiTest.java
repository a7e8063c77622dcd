package io.gureum.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code POST /v1/language/embeddings} over HTTP: a language key embeds texts, usage shows the characters, bad
 * requests are clear problems. Every response is checked against openapi.yaml by {@link ApiClient}.
 */
class EmbeddingsApiTest {
    private static TestServer server;
    private static ApiClient api;
    private static String key;

    @BeforeAll
    static void start() {
        server = TestServer.start(null, Map.of());
        api = server.api;
        String admin = server.adminKey();
        String projectId = api.postJson("/v1/projects", admin, Map.of("name", "search")).json().get("id").asText();
        key = api.postJson("/v1/projects/" + projectId + "/keys", admin, Map.of("name", "app", "scopes", List.of("language")))
                .json().get("secret").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void embedsTextsAsUnitVectorsNamesTheModelAndMetersCharacters() {
        String admin = server.adminKey();
        String projectId = api.postJson("/v1/projects", admin, Map.of("name", "metered")).json().get("id").asText();
        String ownKey = api.postJson("/v1/projects/" + projectId + "/keys", admin, Map.of("name", "app", "scopes", List.of("language")))
                .json().get("secret").asText();
        List<String> texts = List.of("How do I reset my password?", "I forgot my password and need to change it.",
                "The stock market fell sharply today. 주가가 떨어졌다.");
        ApiClient.Response response = api.postJson("/v1/language/embeddings", ownKey, Map.of("texts", texts));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("model").asText()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(body.get("modelVersion").asText()).isEqualTo("1.20.0-beta30");
        assertThat(body.get("dimensions").asInt()).isEqualTo(384);
        JsonNode data = body.get("data");
        assertThat(data).hasSize(3);
        List<double[]> vectors = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            assertThat(data.get(i).get("index").asInt()).isEqualTo(i);
            assertThat(data.get(i).get("truncated").asBoolean()).isFalse();
            JsonNode embedding = data.get(i).get("embedding");
            assertThat(embedding).hasSize(384);
            double[] vector = new double[384];
            for (int k = 0; k < 384; k++) vector[k] = embedding.get(k).asDouble();
            assertThat(dot(vector, vector)).isCloseTo(1.0, within(1e-4));
            vectors.add(vector);
        }
        assertThat(data.get(0).get("tokens").asInt()).isEqualTo(9);   // [CLS] how do i reset my password ? [SEP]
        assertThat(dot(vectors.get(0), vectors.get(1))).isGreaterThan(dot(vectors.get(0), vectors.get(2)) + 0.3);

        server.gureum().usage().flush();
        JsonNode usage = api.get("/v1/usage?groupBy=service", ownKey).json();
        assertThat(usage.at("/rows/0/service").asText()).isEqualTo("language");
        assertThat(usage.at("/rows/0/unit").asText()).isEqualTo("characters");
        assertThat(usage.at("/rows/0/units").asLong()).isEqualTo(texts.stream().mapToLong(t -> t.codePointCount(0, t.length())).sum());
        assertThat(usage.at("/rows/0/requests").asLong()).isEqualTo(1);
    }

    @Test
    void aPinnedModelAndALongTextSayWhatTheyGot() {
        String longText = "Gureum runs AI services on your own machines, without sending data anywhere. ".repeat(40);
        ApiClient.Response response = api.postJson("/v1/language/embeddings", key,
                Map.of("texts", List.of(longText), "model", "all-minilm-l6-v2-q@1.20.0-beta30"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/data/0/truncated").asBoolean()).isTrue();
        assertThat(response.json().at("/data/0/tokens").asInt()).isEqualTo(256);
    }

    @Test
    void badRequestsAreClearProblems() {
        assertProblem(Map.of("texts", List.of()), 422, "validation_failed", "at least one text");
        assertProblem(Map.of("model", "all-minilm-l6-v2-q"), 422, "validation_failed", "at least one text");
        assertProblem(Map.of("texts", List.of("fine", "  ")), 422, "validation_failed", "texts[1] is empty");
        assertProblem(Map.of("texts", Collections.nCopies(257, "x")), 413, "payload_too_large", "257 texts", "at most 256");
        assertProblem(Map.of("texts", List.of("a".repeat(10_001))), 422, "validation_failed", "10001 characters", "at most 10000");
        assertProblem(Map.of("texts", "not a list"), 422, "validation_failed", "Wrong type");
        assertProblem(Map.of("texts", List.of("x"), "top", 3), 422, "validation_failed", "Unknown field 'top'");
        assertProblem(Map.of("texts", List.of("x"), "model", "no-such-model"), 404, "unknown_model", "no-such-model");
        assertProblem(Map.of("texts", List.of("x"), "model", "lingua"), 404, "unknown_model", "language-detection");
        Map<String, Object> nullText = new HashMap<>();
        nullText.put("texts", java.util.Arrays.asList("x", null));
        assertProblem(nullText, 422, "validation_failed", "texts[1] is missing");
    }

    @Test
    void aKeyWithoutTheLanguageScopeIsRefused() {
        String admin = server.adminKey();
        String projectId = api.postJson("/v1/projects", admin, Map.of("name", "eyes-only")).json().get("id").asText();
        String visionKey = api.postJson("/v1/projects/" + projectId + "/keys", admin, Map.of("name", "v", "scopes", List.of("vision")))
                .json().get("secret").asText();

        ApiClient.Response response = api.postJson("/v1/language/embeddings", visionKey, Map.of("texts", List.of("x")));

        assertThat(response.status()).isEqualTo(403);
        assertThat(api.postJson("/v1/language/embeddings", null, Map.of("texts", List.of("x"))).status()).isEqualTo(401);
    }

    private static void assertProblem(Map<String, ?> body, int status, String code, String... detail) {
        ApiClient.Response response = api.postJson("/v1/language/embeddings", key, body);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.problemCode()).isEqualTo(code);
        assertThat(response.json().get("detail").asText()).contains(detail);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }
}
