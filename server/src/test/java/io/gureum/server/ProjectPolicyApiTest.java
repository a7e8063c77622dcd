package io.gureum.server;

import io.gureum.platform.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET/PUT /v1/projects/{id}/policy: round trip, validation and admin-only access, on H2 and PostgreSQL. */
class ProjectPolicyApiTest {

    private static ApiClient.Response put(ApiClient api, String path, String key, String contentType, String body) {
        return api.send("PUT", path, key, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void adminsSetAndReadAProjectsDisabledFaceAttributes(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind == TestDatabases.Kind.H2 ? null : TestDatabases.freshUrl(kind), Map.of())) {
            ApiClient api = server.api;
            String admin = server.adminKey();
            String projectId = api.postJson("/v1/projects", admin, Map.of("name", "clinic")).json().get("id").asText();
            String path = "/v1/projects/" + projectId + "/policy";

            ApiClient.Response initial = api.get(path, admin);
            assertThat(initial.status()).as(initial.body()).isEqualTo(200);
            assertThat(initial.json().get("projectId").asText()).isEqualTo(projectId);
            assertThat(initial.json().get("disabledFaceAttributes")).isEmpty();
            assertThat(initial.json().has("updatedAt")).isFalse();

            ApiClient.Response set = put(api, path, admin, "application/json", "{\"disabledFaceAttributes\": [\"gender\", \"age\", \"gender\"]}");
            assertThat(set.status()).as(set.body()).isEqualTo(200);
            assertThat(set.json().get("disabledFaceAttributes")).extracting(n -> n.asText()).containsExactly("age", "gender");
            assertThat(set.json().get("updatedAt").asText()).isNotBlank();
            assertThat(api.get(path, admin).json()).isEqualTo(set.json());

            ApiClient.Response cleared = put(api, path, admin, "application/json", "{\"disabledFaceAttributes\": []}");
            assertThat(cleared.json().get("disabledFaceAttributes")).isEmpty();
            assertThat(api.get(path, admin).json().get("disabledFaceAttributes")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void badBodiesUnknownProjectsAndNonAdminKeysAreRefused(TestDatabases.Kind kind) {
        try (TestServer server = TestServer.start(kind == TestDatabases.Kind.H2 ? null : TestDatabases.freshUrl(kind), Map.of())) {
            ApiClient api = server.api;
            String admin = server.adminKey();
            String projectId = api.postJson("/v1/projects", admin, Map.of("name", "clinic")).json().get("id").asText();
            String path = "/v1/projects/" + projectId + "/policy";

            Map<String, String> unprocessable = Map.of(
                    "{\"disabledFaceAttributes\": [\"race\"]}", "unknown attribute",
                    "{\"disabledFaceAttributes\": [\"Age\"]}", "names are lower case",
                    "{\"disabledFaceAttributes\": [null]}", "null item",
                    "{\"disabledFaceAttributes\": \"age\"}", "not a list",
                    "{}", "missing field",
                    "{\"disabledFaceAttributes\": [], \"other\": 1}", "unknown field");
            unprocessable.forEach((body, why) -> {
                ApiClient.Response r = put(api, path, admin, "application/json", body);
                assertThat(r.status()).as(why + ": " + r.body()).isEqualTo(422);
                assertThat(r.problemCode()).isEqualTo("validation_failed");
            });
            assertThat(put(api, path, admin, "application/json", "{\"disabledFaceAttributes\": [").problemCode()).isEqualTo("invalid_json");
            assertThat(put(api, path, admin, "text/plain", "age").problemCode()).isEqualTo("unsupported_media_type");
            assertThat(api.get(path, admin).json().get("disabledFaceAttributes")).as("nothing was changed").isEmpty();

            assertThat(api.get("/v1/projects/prj_missing/policy", admin).status()).isEqualTo(404);
            assertThat(put(api, "/v1/projects/prj_missing/policy", admin, "application/json", "{\"disabledFaceAttributes\": []}")
                    .problemCode()).isEqualTo("not_found");

            String projectKey = api.postJson("/v1/projects/" + projectId + "/keys", admin,
                    Map.of("name", "app", "scopes", List.of("language"))).json().get("secret").asText();
            assertThat(api.get(path, projectKey).problemCode()).isEqualTo("scope_denied");
            assertThat(put(api, path, projectKey, "application/json", "{\"disabledFaceAttributes\": []}").problemCode()).isEqualTo("scope_denied");
            assertThat(api.get(path, null).problemCode()).isEqualTo("missing_key");
        }
    }
}
