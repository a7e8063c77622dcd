package io.gureum.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /v1/language/sentiment} against a running node (H2): results, refusals, limits, metering. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SentimentApiTest {
    private TestServer server;
    private ApiClient api;
    private String admin;
    private String projectId;

    @BeforeAll
    void start() {
        server = TestServer.start(null, Map.of());
        api = server.api;
        admin = server.adminKey();
        projectId = api.postJson("/v1/projects", admin, Map.of("name", "sentiment")).json().get("id").asText();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private JsonNode newKey() {
        ApiClient.Response created = api.postJson("/v1/projects/" + projectId + "/keys", admin,
                Map.of("name", "app", "scopes", List.of("language")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    @Test
    void scoresDocumentsAndSentencesAndMetersCharacters() {
        JsonNode key = newKey();
        String review = "The room was lovely. The staff were rude and the breakfast was awful!";
        String detected = "Absolutely fantastic service, thank you!";
        ApiClient.Response response = api.postJson("/v1/language/sentiment", key.get("secret").asText(), Map.of("documents", List.of(
                Map.of("id", "review", "text", review, "language", "en"), Map.of("id", "detected", "text", detected))));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).as("a share of nothing is 0, not -0.0").doesNotContainPattern("\"(positive|neutral|negative)\":-");
        JsonNode body = response.json();
        assertThat(body.get("model").asText()).isEqualTo("vader");
        assertThat(body.get("modelVersion").asText()).isEqualTo("1.1.3");
        JsonNode first = body.at("/documents/0");
        assertThat(first.get("id").asText()).isEqualTo("review");
        assertThat(first.get("language").asText()).isEqualTo("en");
        assertThat(first.at("/sentences/0/text").asText()).isEqualTo("The room was lovely.");
        assertThat(first.at("/sentences/0/label").asText()).isEqualTo("positive");
        assertThat(first.at("/sentences/1/offset").asInt()).isEqualTo(review.indexOf("The staff"));
        assertThat(first.at("/sentences/1/length").asInt()).isEqualTo(review.length() - review.indexOf("The staff"));
        assertThat(first.at("/sentences/1/label").asText()).isEqualTo("negative");
        assertThat(first.at("/sentences/1/scores/compound").asDouble()).isLessThan(-0.5);
        assertThat(body.at("/documents/1/label").asText()).isEqualTo("positive");
        assertThat(body.at("/documents/1/scores/compound").asDouble()).isGreaterThan(0.5);

        server.gureum().usage().flush();
        ApiClient.Response csv = api.send("GET", "/v1/usage?groupBy=key", key.get("secret").asText(), null, null, Map.of("Accept", "text/csv"));
        assertThat(csv.body()).contains(key.get("id").asText() + ",language,characters," + (review.length() + detected.length()) + ",1,0");
    }

    @Test
    void refusesTextsThatAreNotEnglish() {
        String key = newKey().get("secret").asText();
        ApiClient.Response korean = api.postJson("/v1/language/sentiment", key, Map.of("documents", List.of(
                Map.of("id", "1", "text", "Great!"), Map.of("id", "2", "text", "이 식당 음식이 정말 맛있어요. 다음에 또 올게요."))));
        assertThat(korean.status()).isEqualTo(422);
        assertThat(korean.problemCode()).isEqualTo("unsupported_language");
        assertThat(korean.json().get("documentId").asText()).isEqualTo("2");
        assertThat(korean.json().get("language").asText()).isEqualTo("ko");

        ApiClient.Response french = api.postJson("/v1/language/sentiment", key, Map.of("documents", List.of(
                Map.of("id", "1", "text", "C'est magnifique", "language", "fr"))));
        assertThat(french.status()).isEqualTo(422);
        assertThat(french.problemCode()).isEqualTo("unsupported_language");
        assertThat(french.json().get("detail").asText()).contains("'fr'");
    }

    @Test
    void badBatchesGetClearProblems() {
        String key = newKey().get("secret").asText();
        assertThat(api.postJson("/v1/language/sentiment", key, Map.of("documents", List.of())).problemCode()).isEqualTo("validation_failed");
        List<Map<String, String>> many = new ArrayList<>();
        for (int i = 0; i <= 100; i++) many.add(Map.of("id", "d" + i, "text", "fine", "language", "en"));
        ApiClient.Response tooMany = api.postJson("/v1/language/sentiment", key, Map.of("documents", many));
        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.problemCode()).isEqualTo("payload_too_large");
        ApiClient.Response duplicate = api.postJson("/v1/language/sentiment", key, Map.of("documents", List.of(
                Map.of("id", "1", "text", "a"), Map.of("id", "1", "text", "b"))));
        assertThat(duplicate.problemCode()).isEqualTo("validation_failed");
        assertThat(duplicate.json().get("detail").asText()).contains("unique");
        ApiClient.Response tooLong = api.postJson("/v1/language/sentiment", key, Map.of("documents", List.of(
                Map.of("id", "1", "text", "good ".repeat(1100), "language", "en"))));
        assertThat(tooLong.problemCode()).isEqualTo("validation_failed");
        assertThat(tooLong.json().get("detail").asText()).contains("5120");
        ApiClient.Response unknownField = api.postJson("/v1/language/sentiment", key, Map.of("documents", List.of(
                Map.of("id", "1", "text", "a", "lang", "en"))));
        assertThat(unknownField.problemCode()).isEqualTo("validation_failed");
        ApiClient.Response otherTask = api.postJson("/v1/language/sentiment", key, Map.of("model", "lingua", "documents", List.of(
                Map.of("id", "1", "text", "good", "language", "en"))));
        assertThat(otherTask.status()).isEqualTo(404);
        assertThat(otherTask.problemCode()).isEqualTo("unknown_model");
    }
}
