package io.gureum.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.gureum.platform.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main path, on H2 and on PostgreSQL: admin creates a project and a scoped key, the key
 * detects languages, usage shows the characters, revocation takes effect at once.
 */
class LanguageApiTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void projectKeyDetectsLanguageIsMeteredAndCanBeRevoked(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind == TestDatabases.Kind.H2 ? null : TestDatabases.freshUrl(kind), Map.of())) {
            ApiClient api = server.api;
            String admin = server.adminKey();
            JsonNode project = api.postJson("/v1/projects", admin, Map.of("name", "acme")).json();
            String projectId = project.get("id").asText();
            ApiClient.Response created = api.postJson("/v1/projects/" + projectId + "/keys", admin,
                    Map.of("name", "app", "scopes", List.of("language")));
            assertThat(created.status()).isEqualTo(201);
            String key = created.json().get("secret").asText();

            String korean = "안녕하세요. 오늘 날씨가 정말 좋네요.";
            String english = "The quick brown fox jumps over the lazy dog.";
            ApiClient.Response detected = api.postJson("/v1/language/detect", key, Map.of("documents", List.of(
                    Map.of("id", "ko", "text", korean), Map.of("id", "en", "text", english))));
            assertThat(detected.status()).isEqualTo(200);
            JsonNode body = detected.json();
            assertThat(body.get("model").asText()).isEqualTo("lingua");
            assertThat(body.get("modelVersion").asText()).isEqualTo("1.2.2");
            assertThat(body.at("/documents/0/languages/0/iso6391").asText()).isEqualTo("ko");
            assertThat(body.at("/documents/0/languages/0/iso6393").asText()).isEqualTo("kor");
            assertThat(body.at("/documents/0/languages/0/name").asText()).isEqualTo("Korean");
            assertThat(body.at("/documents/1/languages/0/iso6391").asText()).isEqualTo("en");

            server.gureum().usage().flush();
            JsonNode usage = api.get("/v1/usage?groupBy=service", key).json();
            long characters = korean.codePointCount(0, korean.length()) + english.length();
            assertThat(usage.at("/rows/0/service").asText()).isEqualTo("language");
            assertThat(usage.at("/rows/0/unit").asText()).isEqualTo("characters");
            assertThat(usage.at("/rows/0/units").asLong()).isEqualTo(characters);
            ApiClient.Response csv = api.send("GET", "/v1/usage?groupBy=key", key, null, null, Map.of("Accept", "text/csv"));
            assertThat(csv.body()).startsWith("key,service,unit,units,requests,errors\n")
                    .contains(created.json().get("id").asText() + ",language,characters," + characters + ",1,0");

            assertThat(api.get("/v1/projects/" + projectId + "/keys", admin).json().at("/keys/0/secret").isMissingNode()).isTrue();
            assertThat(api.delete("/v1/keys/" + created.json().get("id").asText(), admin).status()).isEqualTo(200);
            ApiClient.Response revoked = api.postJson("/v1/language/detect", key, Map.of("documents", List.of(Map.of("id", "1", "text", english))));
            assertThat(revoked.status()).isEqualTo(401);
            assertThat(revoked.problemCode()).isEqualTo("revoked_key");
        }
    }
}
