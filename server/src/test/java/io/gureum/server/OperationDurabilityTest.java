package io.gureum.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.gureum.platform.db.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing accepted is lost: real server processes are SIGKILLed with operations queued and running,
 * and every operation still reaches {@code succeeded} exactly once.
 */
class OperationDurabilityTest {
    private static final int DOCUMENTS_PER_OPERATION = 300;
    /** Short leases so a dead node's work is re-claimed within seconds. */
    private static final Map<String, String> FAST_LEASES = Map.of("GUREUM_OPERATION_LEASE_SECONDS", "5", "GUREUM_WORKERS", "2");

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void killedServerRestartsAndFinishesEveryOperationExactlyOnce(@TempDir Path home) {
        List<String> ids = new ArrayList<>();
        String key;
        ServerProcess first = ServerProcess.start(home, FAST_LEASES);
        try {
            key = languageKey(first.api, first.adminKey(), "durable");
            for (int i = 0; i < 10; i++) ids.add(submit(first.api, key, i));
            awaitAny(first.api, key, "running", Duration.ofSeconds(120));
        } finally {
            first.kill();
        }
        ServerProcess second = ServerProcess.start(home, FAST_LEASES);
        try {
            assertAllSucceededOnce(second.api, key, ids);
        } finally {
            second.close();
        }
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void twoNodesOnOnePostgresShareTheQueueAndOneSurvivesTheOther(@TempDir Path root) {
        String dbUrl = TestDatabases.freshUrl(TestDatabases.Kind.POSTGRESQL);
        Map<String, String> env = new HashMap<>(FAST_LEASES);
        env.put("GUREUM_DB_URL", dbUrl);
        env.put("GUREUM_BLOBS_DIR", root.resolve("shared-blobs").toString()); // the shared volume (S3 later)
        ServerProcess a = ServerProcess.start(root.resolve("a"), env);
        ServerProcess b = ServerProcess.start(root.resolve("b"), env);
        try {
            String key = languageKey(a.api, a.adminKey(), "shared");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) ids.add(submit(i % 2 == 0 ? a.api : b.api, key, i));
            List<JsonNode> done = assertAllSucceededOnce(b.api, key, ids);
            assertThat(done).extracting(op -> op.get("attempts").asInt())
                    .as("no node lost its lease while alive, so each operation ran once; node logs:\n%s\n%s", a.logTail(), b.logTail())
                    .containsOnly(1);

            List<String> more = new ArrayList<>();
            for (int i = 0; i < 8; i++) more.add(submit(a.api, key, 100 + i));
            awaitAny(a.api, key, "running", Duration.ofSeconds(60));
            a.kill();
            assertAllSucceededOnce(b.api, key, more);
        } finally {
            a.kill();
            b.close();
        }
    }

    private static String languageKey(ApiClient api, String admin, String project) {
        String projectId = api.postJson("/v1/projects", admin, Map.of("name", project)).json().get("id").asText();
        return api.postJson("/v1/projects/" + projectId + "/keys", admin, Map.of("name", "ops", "scopes", List.of("language")))
                .json().get("secret").asText();
    }

    private static String submit(ApiClient api, String key, int n) {
        List<Map<String, String>> docs = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS_PER_OPERATION; i++) {
            docs.add(Map.of("id", n + "-" + i, "text", "Operation " + n + ": this sentence is written in plain English, number " + i + "."));
        }
        ApiClient.Response r = api.postJson("/v1/language/detect", key, Map.of("documents", docs));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().get("id").asText();
    }

    private static void awaitAny(ApiClient api, String key, String status, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (api.get("/v1/operations?status=" + status, key).json().get("operations").size() > 0) return;
            ApiBehaviourTest.sleep(100);
        }
        throw new AssertionError("no operation became " + status + " in " + timeout);
    }

    /** Waits for every id to succeed, checks each result is whole, and that no operation appears twice. */
    private static List<JsonNode> assertAllSucceededOnce(ApiClient api, String key, List<String> ids) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        List<JsonNode> finished = new ArrayList<>();
        for (String id : ids) {
            JsonNode op;
            do {
                op = api.get("/v1/operations/" + id, key).json();
                if (op.get("status").asText().equals("succeeded")) break;
                assertThat(op.path("status").asText()).as("operation %s: %s", id, op.path("detail").asText()).isIn("queued", "running");
                ApiBehaviourTest.sleep(200);
            } while (Instant.now().isBefore(deadline));
            assertThat(op.get("status").asText()).as("operation %s finished in time; error: %s", id, op.path("error")).isEqualTo("succeeded");
            assertThat(op.at("/result/documents").size()).isEqualTo(DOCUMENTS_PER_OPERATION);
            assertThat(op.at("/result/documents/0/languages/0/iso6391").asText()).isEqualTo("en");
            finished.add(op);
        }
        JsonNode listed = api.get("/v1/operations?limit=1000", key).json().get("operations");
        List<String> listedIds = new ArrayList<>();
        listed.forEach(op -> listedIds.add(op.get("id").asText()));
        assertThat(listedIds).doesNotHaveDuplicates().containsAll(ids);
        return finished;
    }
}
