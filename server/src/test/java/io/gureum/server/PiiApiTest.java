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

/** {@code POST /v1/language/pii} against a running node (H2): entities, redaction, categories, limits. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PiiApiTest {
    private TestServer server;
    private ApiClient api;
    private String key;

    @BeforeAll
    void start() {
        server = TestServer.start(null, Map.of());
        api = server.api;
        String admin = server.adminKey();
        String projectId = api.postJson("/v1/projects", admin, Map.of("name", "pii")).json().get("id").asText();
        key = api.postJson("/v1/projects/" + projectId + "/keys", admin, Map.of("name", "app", "scopes", List.of("language")))
                .json().get("secret").asText();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void findsAndRedactsPersonalInformation() {
        String text = "김민준 (생년월일 1990.01.15) 010-1234-5678, minjun@example.com, 주민번호 900101-1234568";
        ApiClient.Response response = api.postJson("/v1/language/pii", key, Map.of("documents", List.of(Map.of("id", "1", "text", text))));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("model").asText()).isEqualTo("gureum-pii-rules");
        JsonNode entities = body.at("/documents/0/entities");
        List<String> found = new ArrayList<>();
        entities.forEach(e -> found.add(e.get("category").asText() + " " + e.get("text").asText()));
        assertThat(found).containsExactly("dateOfBirth 1990.01.15", "phoneNumber 010-1234-5678", "email minjun@example.com",
                "krResidentRegistrationNumber 900101-1234568");
        JsonNode phone = entities.get(1);
        assertThat(phone.get("offset").asInt()).isEqualTo(text.indexOf("010-"));
        assertThat(phone.get("length").asInt()).isEqualTo(13);
        assertThat(phone.get("confidence").asDouble()).isBetween(0.8, 1.0);
        assertThat(body.at("/documents/0/redactedText").asText())
                .isEqualTo("김민준 (생년월일 **********) *************, ******************, 주민번호 **************");
    }

    @Test
    void categoriesNarrowTheSearchAndRedactionCanBeTurnedOff() {
        ApiClient.Response response = api.postJson("/v1/language/pii", key, Map.of("categories", List.of("email"), "redact", false,
                "documents", List.of(Map.of("id", "1", "text", "minjun@example.com 010-1234-5678", "language", "ko"))));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().at("/documents/0/entities")).hasSize(1);
        assertThat(response.json().at("/documents/0/entities/0/category").asText()).isEqualTo("email");
        assertThat(response.json().at("/documents/0/redactedText").isMissingNode()).isTrue();
    }

    @Test
    void badRequestsGetClearProblems() {
        ApiClient.Response unknown = api.postJson("/v1/language/pii", key, Map.of("categories", List.of("passport"),
                "documents", List.of(Map.of("id", "1", "text", "x"))));
        assertThat(unknown.problemCode()).isEqualTo("validation_failed");
        assertThat(unknown.json().get("detail").asText()).contains("passport").contains("phoneNumber");
        assertThat(api.postJson("/v1/language/pii", key, Map.of("categories", List.of(),
                "documents", List.of(Map.of("id", "1", "text", "x")))).problemCode()).isEqualTo("validation_failed");
        assertThat(api.postJson("/v1/language/pii", key, Map.of("documents", List.of())).problemCode()).isEqualTo("validation_failed");
        List<Map<String, String>> many = new ArrayList<>();
        for (int i = 0; i <= 100; i++) many.add(Map.of("id", "d" + i, "text", "x"));
        assertThat(api.postJson("/v1/language/pii", key, Map.of("documents", many)).status()).isEqualTo(413);
        assertThat(api.postJson("/v1/language/pii", key, Map.of("documents", List.of(Map.of("id", "1", "text", "a"),
                Map.of("id", "1", "text", "b")))).problemCode()).isEqualTo("validation_failed");
        assertThat(api.postJson("/v1/language/pii", null, Map.of("documents", List.of(Map.of("id", "1", "text", "a")))).status())
                .isEqualTo(401);
    }
}
