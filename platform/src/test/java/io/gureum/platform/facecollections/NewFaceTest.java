package io.gureum.platform.facecollections;

import org.junit.jupiter.api.Test;

import static io.gureum.platform.facecollections.FaceCollectionStoreTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class NewFaceTest {
    private static final FaceBox BOX = new FaceBox(0, 0, 10, 10);
    private static final float[] EMBEDDING = {1, 2, 3};

    private static NewFace withMetadata(String json) {
        return new NewFace("alice", json, EMBEDDING, BOX, 100, 100);
    }

    @Test
    void metadataMustBeAJsonObjectOfAtMost4KiB() {
        assertThat(withMetadata(null).metadataJson()).isNull();
        assertThat(withMetadata("{\"a\":[1,2],\"b\":{\"c\":null}}").metadataJson()).isEqualTo("{\"a\":[1,2],\"b\":{\"c\":null}}");
        String padding = "x".repeat(NewFace.MAX_METADATA_BYTES - "{\"k\":\"\"}".length());
        assertThat(withMetadata("{\"k\":\"" + padding + "\"}").metadataJson()).hasSize(NewFace.MAX_METADATA_BYTES);
        assertProblem(() -> withMetadata("{\"k\":\"" + padding + "x\"}"), 422, "validation_failed");
        // the limit is in UTF-8 bytes: 1,366 Hangul syllables are 4,098 bytes
        assertProblem(() -> withMetadata("{\"k\":\"" + "가".repeat(1366) + "\"}"), 422, "validation_failed");
        for (String bad : new String[]{"[1]", "\"text\"", "42", "null", "{", "{} {}", "{\"a\":1} x", ""}) {
            assertProblem(() -> withMetadata(bad), 422, "validation_failed");
        }
    }

    @Test
    void personIdsEmbeddingsAndBoxesAreChecked() {
        assertThat(new NewFace("김민수 (visitor #3)", null, EMBEDDING, BOX, 1, 1).personId()).isEqualTo("김민수 (visitor #3)");
        assertThat(new NewFace("p".repeat(128), null, EMBEDDING, BOX, 1, 1).personId()).hasSize(128);
        for (String bad : new String[]{null, "", "   ", "p".repeat(129), "tab\there"}) {
            assertProblem(() -> new NewFace(bad, null, EMBEDDING, BOX, 1, 1), 422, "validation_failed");
        }
        assertProblem(() -> new NewFace("a", null, new float[]{0, 0}, BOX, 1, 1), 422, "validation_failed");
        assertProblem(() -> new NewFace("a", null, new float[]{1, Float.NaN}, BOX, 1, 1), 422, "validation_failed");
        assertProblem(() -> new NewFace("a", null, new float[0], BOX, 1, 1), 422, "validation_failed");
        assertProblem(() -> new NewFace("a", null, EMBEDDING, null, 1, 1), 422, "validation_failed");
        assertProblem(() -> new NewFace("a", null, EMBEDDING, BOX, 0, 1), 422, "validation_failed");
        assertProblem(() -> new FaceBox(0, 0, 0, 5), 422, "validation_failed");

        float[] buffer = {1, 0, 0};
        NewFace face = new NewFace("a", null, buffer, BOX, 1, 1);
        buffer[0] = 0;
        assertThat(face.embedding()).as("kept apart from the caller's buffer").containsExactly(1, 0, 0);
    }
}
