package io.gureum.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.gureum.automl.data.SklearnCsv;
import io.gureum.core.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * AutoML through the API: upload, schema, experiment as an operation, leaderboard, saved model, predictions (JSON and
 * a CSV batch), cancel, and clear errors, on a generated dataset (always) and on the shared credit-g, iris and
 * cpu-regression files (when present), with floors from what was measured. Responses are checked against openapi.yaml.
 */
class AutomlApiTest {
    private static TestServer server;
    private static ApiClient api;
    private static String key;

    @BeforeAll
    static void start() {
        server = TestServer.start(null, Map.of());
        api = server.api;
        String project = api.postJson("/v1/projects", server.adminKey(), Map.of("name", "automl")).json().get("id").asText();
        key = api.postJson("/v1/projects/" + project + "/keys", server.adminKey(), Map.of("name", "k", "scopes", List.of("automl")))
                .json().get("secret").asText();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** 400 rows: {@code label} is yes when x1 plus a bonus for colour red is over 1; x3 is noise. */
    static String generated() {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("x1,colour,x3,when,label\n");
        String[] colours = {"red", "green", "blue"};
        for (int i = 0; i < 400; i++) {
            double x1 = random.nextDouble() * 2;
            String colour = colours[random.nextInt(3)];
            double score = x1 + (colour.equals("red") ? 0.6 : 0) + random.nextGaussian() * 0.1;
            csv.append(String.format(java.util.Locale.ROOT, "%.4f,%s,%.4f,2026-%02d-%02d,%s%n", x1, colour, random.nextDouble(),
                    1 + random.nextInt(12), 1 + random.nextInt(28), score > 1.1 ? "yes" : "no"));
        }
        return csv.toString();
    }

    static String upload(byte[] body, String contentType, String name) {
        ApiClient.Response r = api.send("POST", "/v1/datasets?name=" + name, key, contentType, body, Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    static JsonNode experiment(Map<String, Object> request) {
        ApiClient.Response accepted = api.postJson("/v1/automl/experiments", key, request);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = accepted.json().get("id").asText();
        JsonNode op = api.awaitOperation(accepted.header("Operation-Location"), key, Duration.ofMinutes(5));
        assertThat(op.get("status").asText()).as(op.toString()).isIn("succeeded", "canceled");
        return api.get("/v1/automl/experiments/" + id, key).json();
    }

    @Test
    void uploadExperimentLeaderboardPredictAndBatch() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(generated().getBytes(StandardCharsets.UTF_8));
        }
        String dataset = upload(gz.toByteArray(), "application/gzip", "generated.csv.gz");
        JsonNode ds = api.get("/v1/datasets/" + dataset, key).json();
        assertThat(ds.get("rows").asInt()).isEqualTo(400);
        Map<String, String> types = new LinkedHashMap<>();
        ds.get("columns").forEach(c -> types.put(c.get("name").asText(), c.get("type").asText()));
        assertThat(types).containsEntry("x1", "numeric").containsEntry("colour", "categorical").containsEntry("when", "datetime")
                .containsEntry("label", "boolean");
        assertThat(api.get("/v1/datasets/" + dataset + "/preview", key).json().get("rows")).hasSize(20);

        JsonNode e = experiment(Map.of("datasetId", dataset, "target", "label", "timeBudgetSeconds", 15, "folds", 3, "saveModels", 2));
        assertThat(e.get("status").asText()).isEqualTo("succeeded");
        assertThat(e.at("/result/task").asText()).isEqualTo("binary");
        assertThat(e.at("/result/metric").asText()).isEqualTo("auc");
        assertThat(e.at("/progress/modelsTrained").asInt()).isGreaterThan(1);
        JsonNode board = api.get("/v1/automl/experiments/" + e.get("id").asText() + "/leaderboard", key).json();
        assertThat(board.get("entries").size()).isGreaterThan(1);
        JsonNode leader = board.at("/entries/0");
        assertThat(leader.get("score").asDouble()).as("AUC of a nearly separable label").isGreaterThan(0.95);
        assertThat(leader.get("sizeBytes").asLong()).isPositive();
        assertThat(board.get("featureImportance").findValuesAsText("column")).contains("x1", "colour");
        assertThat(e.get("modelIds")).hasSize(2);
        assertThat(api.get("/v1/automl/experiments", key).json().get("experiments").findValuesAsText("id")).contains(e.get("id").asText());
        assertThat(api.get("/v1/automl/models?experimentId=" + e.get("id").asText(), key).json().get("models")).hasSize(2);
        ApiClient.Response inUse = api.delete("/v1/datasets/" + dataset, key);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.problemCode()).isEqualTo("dataset_in_use");

        String model = e.at("/modelIds/0").asText();
        JsonNode card = api.get("/v1/automl/models/" + model, key).json().get("card");
        assertThat(card.get("target").asText()).isEqualTo("label");
        assertThat(card.get("trainingRows").asInt()).isEqualTo(400);
        Map<String, Object> red = Map.of("x1", 0.9, "colour", "red", "x3", 0.5, "when", "2026-03-01");
        Map<String, Object> blue = Map.of("x1", "0.1", "colour", "blue", "x3", 0.5, "when", "2026-03-01");
        Map<String, Object> unseen = Map.of("x1", 1.9, "colour", "purple", "x3", 0.5, "when", "2026-03-01");
        Map<String, Object> missing = Map.of("colour", "red");
        Map<String, Object> garbage = Map.of("x1", "lots", "colour", "red", "x3", 0.5, "when", "2026-03-01");
        JsonNode predictions = api.postJson("/v1/automl/models/" + model + ":predict", key, Map.of("rows", List.of(red, blue, unseen, missing, garbage)))
                .json().get("predictions");
        assertThat(predictions.at("/0/label").asText()).isEqualTo("yes");
        assertThat(predictions.at("/0/probabilities/yes").asDouble()).isGreaterThan(0.5);
        assertThat(predictions.at("/1/label").asText()).isEqualTo("no");
        assertThat(predictions.at("/2/label").asText()).as("an unseen colour is treated as missing").isEqualTo("yes");
        assertThat(predictions.at("/3/error").asText()).contains("x1");
        assertThat(predictions.at("/4/error").asText()).contains("x1");

        ApiClient.Response batch = api.send("POST", "/v1/automl/models/" + model + ":batchPredict", key, "text/csv",
                "x1,colour,x3,when\n0.9,red,0.5,2026-03-01\n0.1,blue,0.5,2026-03-01\n".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(batch.status()).as(batch.body()).isEqualTo(202);
        JsonNode op = api.awaitOperation(batch.header("Operation-Location"), key, Duration.ofMinutes(1));
        assertThat(op.at("/result/rows").asInt()).isEqualTo(2);
        assertThat(op.at("/result/predictions/0/label").asText()).isEqualTo("yes");
        assertThat(op.at("/result/predictions/1/label").asText()).isEqualTo("no");

        server.gureum().usage().flush();
        JsonNode usage = api.get("/v1/usage?groupBy=service", key).json();
        Map<String, Long> units = new LinkedHashMap<>();
        usage.get("rows").forEach(r -> units.put(r.get("service").asText() + "/" + r.get("unit").asText(), r.get("units").asLong()));
        assertThat(units.get("automl/trainingSeconds")).as("budgets of this class's experiments").isGreaterThanOrEqualTo(15L);
        assertThat(units).containsEntry("automl-prediction/rows", 7L);
    }

    @Test
    void cancellingStopsPromptlyAndKeepsTheModelsFinished() {
        String dataset = upload(generated().getBytes(StandardCharsets.UTF_8), "text/csv", "generated.csv");
        ApiClient.Response accepted = api.postJson("/v1/automl/experiments", key, Map.of("datasetId", dataset, "target", "label", "timeBudgetSeconds", 300));
        String id = accepted.json().get("id").asText();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (api.get("/v1/automl/experiments/" + id, key).json().at("/progress/modelsTrained").asInt() < 1) {
            assertThat(System.nanoTime()).as("a first model within 2 minutes").isLessThan(deadline);
            ApiBehaviourTest.sleep(200);
        }
        long cancelledAt = System.nanoTime();
        assertThat(api.postJson("/v1/automl/experiments/" + id + ":cancel", key, Map.of()).status()).isEqualTo(202);
        JsonNode op = api.awaitOperation(accepted.header("Operation-Location"), key, Duration.ofMinutes(2));
        assertThat(op.get("status").asText()).isEqualTo("canceled");
        long waitedSeconds = (System.nanoTime() - cancelledAt) / 1_000_000_000L;
        assertThat(waitedSeconds).as("stopped well before the 300 s budget").isLessThan(60);
        // the handler records what finished after the cancel; give it a moment to write
        JsonNode e = null;
        for (int i = 0; i < 100 && (e == null || e.path("result").isMissingNode()); i++) {
            ApiBehaviourTest.sleep(200);
            e = api.get("/v1/automl/experiments/" + id, key).json();
            if (e.path("result").isMissingNode()) assertThat(e.get("status").asText()).as("stopping until the result is written").isEqualTo("canceling");
        }
        assertThat(e.get("status").asText()).isEqualTo("canceled");
        assertThat(api.postJson("/v1/automl/experiments/" + id + ":cancel", key, Map.of()).status()).as("asking again is fine").isEqualTo(202);
        assertThat(e.at("/result/ending").asText()).isEqualTo("cancelled");
        assertThat(e.at("/result/leaderboard").size()).isGreaterThanOrEqualTo(1);
        assertThat(e.get("modelIds")).hasSize(1);
    }

    @Test
    void clearErrorsForMalformedCsvsAndWrongTargets() {
        ApiClient.Response ragged = api.send("POST", "/v1/datasets", key, "text/csv", "a,b\n1,2\n3\n".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(ragged.status()).isEqualTo(400);
        assertThat(ragged.problemCode()).isEqualTo("malformed_csv");
        assertThat(ragged.json().get("row").asInt()).isEqualTo(3);
        assertThat(api.send("POST", "/v1/datasets", key, "text/csv", "a,b\n1,\"open\n".getBytes(StandardCharsets.UTF_8), Map.of()).problemCode())
                .isEqualTo("malformed_csv");
        assertThat(api.send("POST", "/v1/datasets", key, "text/csv", new byte[0], Map.of()).status()).isEqualTo(400);
        assertThat(api.send("POST", "/v1/datasets", key, "image/png", new byte[] {1}, Map.of()).status()).isEqualTo(415);
        assertThat(api.get("/v1/datasets", key).json().get("datasets").findValuesAsText("name")).doesNotContain("dataset.csv");

        String dataset = upload("id,x,c,y\n1,1.5,a,3\n2,2.5,b,4\n3,3.5,a,5\n4,1.0,b,2\n5,2.0,a,3\n6,3.0,b,4\n".getBytes(StandardCharsets.UTF_8),
                "text/csv", "tiny.csv");
        assertThat(api.postJson("/v1/automl/experiments", key, Map.of("datasetId", dataset, "target", "nope")).json().get("detail").asText())
                .contains("not a column", "id, x, c, y");
        assertThat(api.postJson("/v1/automl/experiments", key, Map.of("datasetId", dataset, "target", "id")).status()).isEqualTo(422);
        assertThat(api.postJson("/v1/automl/experiments", key, Map.of("datasetId", dataset, "target", "c", "task", "regression")).status()).isEqualTo(422);
        assertThat(api.postJson("/v1/automl/experiments", key, Map.of("datasetId", dataset, "target", "y", "task", "regression", "metric", "auc")).status())
                .isEqualTo(422);
        assertThat(api.postJson("/v1/automl/experiments", key, Map.of("datasetId", dataset, "target", "y", "timeBudgetSeconds", 1)).status()).isEqualTo(422);
        assertThat(api.postJson("/v1/automl/experiments", key, Map.of("datasetId", "ds_nope", "target", "y")).status()).isEqualTo(404);
        assertThat(api.postJson("/v1/automl/models/mdl_nope:predict", key, Map.of("rows", List.of(Map.of()))).status()).isEqualTo(404);
        assertThat(api.get("/v1/automl/experiments/exp_nope", key).status()).isEqualTo(404);
        assertThat(api.delete("/v1/datasets/" + dataset, key).status()).as("no experiment uses it").isEqualTo(204);
        assertThat(api.get("/v1/datasets/" + dataset, key).status()).isEqualTo(404);
    }

    /** A shared CSV as a body, scikit-learn's layout converted to named columns with the label in {@code target}. */
    private static byte[] shared(String file) throws IOException {
        Path path = SharedData.resolve("automl/csv/" + file);
        assumeTrue(Files.isRegularFile(path), "no shared data " + path + " (set GUREUM_SHARED_DATA); skipping");
        if (!SklearnCsv.isSklearnLayout(path)) return Files.readAllBytes(path);
        Path converted = Files.createTempFile("automl-", ".csv");
        try {
            SklearnCsv.convert(path, converted);
            return Files.readAllBytes(converted);
        } finally {
            Files.deleteIfExists(converted);
        }
    }

    @Test
    void sharedDatasetsClearTheirFloors() throws IOException {
        List<String> results = new ArrayList<>();
        String credit = upload(shared("credit-g.csv"), "text/csv", "credit-g.csv");
        JsonNode c = experiment(Map.of("datasetId", credit, "target", "class", "timeBudgetSeconds", 20));
        results.add("credit-g AUC " + c.at("/result/leaderboard/0/score").asDouble());
        String iris = upload(shared("iris.csv"), "text/csv", "iris.csv");
        JsonNode i = experiment(Map.of("datasetId", iris, "target", SklearnCsv.TARGET, "metric", "accuracy", "timeBudgetSeconds", 10));
        results.add("iris accuracy " + i.at("/result/leaderboard/0/score").asDouble());
        String cpu = upload(shared("cpu-regression.csv"), "text/csv", "cpu.csv");
        JsonNode r = experiment(Map.of("datasetId", cpu, "target", "class", "timeBudgetSeconds", 15));
        results.add("cpu-regression RMSE " + r.at("/result/leaderboard/0/score").asDouble());
        System.out.println("AutoML through the API: " + results);
        assertThat(c.at("/result/leaderboard/0/score").asDouble()).as(results.toString()).isGreaterThan(0.76);
        assertThat(i.at("/result/leaderboard/0/score").asDouble()).as(results.toString()).isGreaterThan(0.93);
        assertThat(r.at("/result/task").asText()).isEqualTo("regression");
        assertThat(r.at("/result/leaderboard/0/score").asDouble()).as(results.toString()).isLessThan(75);
    }
}
