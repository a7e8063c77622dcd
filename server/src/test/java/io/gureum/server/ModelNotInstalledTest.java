package io.gureum.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A pack that is in the catalog but not installed: the server still runs and says how to install it. */
class ModelNotInstalledTest {

    @Test
    void pinnedModelThatIsNotInstalledAnswers503WithTheInstallCommand(@TempDir Path emptyModels) {
        try (TestServer server = TestServer.start(null, Map.of("GUREUM_MODELS_DIR", emptyModels.toString()))) {
            ApiClient api = server.api;
            String projectId = api.postJson("/v1/projects", server.adminKey(), Map.of("name", "p")).json().get("id").asText();
            String key = api.postJson("/v1/projects/" + projectId + "/keys", server.adminKey(),
                    Map.of("name", "k", "scopes", List.of("language"), "quotas", Map.of("language", 100))).json().get("secret").asText();
            Map<String, Object> body = Map.of("documents", List.of(Map.of("id", "1", "text", "Ein deutscher Satz.")),
                    "model", "opennlp-langdetect@1.3.0");
            for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("Prefer", "respond-async"))) {
                ApiClient.Response r = api.postJson("/v1/language/detect", key, body, headers);
                assertThat(r.status()).isEqualTo(503);
                assertThat(r.problemCode()).isEqualTo("model_not_installed");
                assertThat(r.json().get("installCommand").asText()).isEqualTo("./gureum models install opennlp-langdetect@1.3.0");
            }
            assertThat(api.get("/v1/models?task=language-detection", key).json().get("models"))
                    .anySatisfy(m -> {
                        assertThat(m.get("id").asText()).isEqualTo("opennlp-langdetect");
                        assertThat(m.get("installed").asBoolean()).isFalse();
                        assertThat(m.get("installCommand").asText()).contains("models install");
                    });
            assertThat(server.gureum().quotas().usedThisMonth(
                    server.gureum().keys().list(projectId).get(0).id(), "language")).as("failed calls spend no quota").isZero();
        }
    }
}
