package io.gureum.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A saved AutoML model, reloaded from storage by a restarted node, predicts exactly as before. */
class AutomlDurabilityTest {
    @Test
    void aSavedModelPredictsIdenticallyAfterARestart() {
        List<Map<String, Object>> rows = List.of(Map.of("x1", 0.9, "colour", "red", "x3", 0.5, "when", "2026-03-01"),
                Map.of("x1", 1.05, "colour", "green", "x3", 0.2, "when", "2026-07-11"), Map.of("x1", 0.2, "colour", "blue", "x3", 0.9, "when", "2026-01-31"));
        Path home;
        String key;
        String model;
        JsonNode before;
        try (TestServer first = TestServer.start(null, Map.of())) {
            home = first.home;
            ApiClient api = first.api;
            String project = api.postJson("/v1/projects", first.adminKey(), Map.of("name", "durable-automl")).json().get("id").asText();
            key = api.postJson("/v1/projects/" + project + "/keys", first.adminKey(), Map.of("name", "k", "scopes", List.of("automl")))
                    .json().get("secret").asText();
            String dataset = api.send("POST", "/v1/datasets", key, "text/csv", AutomlApiTest.generated().getBytes(StandardCharsets.UTF_8), Map.of())
                    .json().get("id").asText();
            ApiClient.Response accepted = api.postJson("/v1/automl/experiments", key,
                    Map.of("datasetId", dataset, "target", "label", "timeBudgetSeconds", 8, "folds", 3));
            assertThat(api.awaitOperation(accepted.header("Operation-Location"), key, Duration.ofMinutes(3)).get("status").asText()).isEqualTo("succeeded");
            model = api.get("/v1/automl/experiments/" + accepted.json().get("id").asText(), key).json().at("/modelIds/0").asText();
            before = api.postJson("/v1/automl/models/" + model + ":predict", key, Map.of("rows", rows)).json().get("predictions");
        }
        try (TestServer second = TestServer.restart(home, null)) {
            JsonNode after = second.api.postJson("/v1/automl/models/" + model + ":predict", key, Map.of("rows", rows)).json().get("predictions");
            assertThat(after).isEqualTo(before);
            assertThat(after.at("/0/label").asText()).isEqualTo("yes");
        }
    }
}
