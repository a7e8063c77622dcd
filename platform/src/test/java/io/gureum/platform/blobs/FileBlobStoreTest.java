package io.gureum.platform.blobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileBlobStoreTest {
    @TempDir Path root;

    @Test
    void putGetOverwriteDelete() throws IOException {
        FileBlobStore store = new FileBlobStore(root);
        store.put("operations/op_1/input", bytes("first"));
        assertThat(store.get("operations/op_1/input")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("first")));

        store.put("operations/op_1/input", bytes("second"));
        assertThat(store.get("operations/op_1/input")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("second")));
        assertThat(Files.readAllBytes(root.resolve("operations/op_1/input"))).isEqualTo(bytes("second"));

        store.delete("operations/op_1/input");
        assertThat(store.get("operations/op_1/input")).isEmpty();
        store.delete("operations/op_1/input");   // deleting a missing key is fine
    }

    @Test
    void streamsInAndOutAndRefusesMoreThanTheLimitLeavingNothing() throws IOException {
        FileBlobStore store = new FileBlobStore(root);
        byte[] big = new byte[300_000];
        for (int i = 0; i < big.length; i++) big[i] = (byte) (i * 31);
        assertThat(store.put("datasets/d1/data.csv", new java.io.ByteArrayInputStream(big), big.length)).isEqualTo(big.length);
        try (var in = store.open("datasets/d1/data.csv").orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(big);
        }
        assertThatThrownBy(() -> store.put("datasets/d2/data.csv", new java.io.ByteArrayInputStream(big), big.length - 1))
                .isInstanceOfSatisfying(io.gureum.core.Problem.class, p -> assertThat(p.status()).isEqualTo(413));
        assertThat(store.open("datasets/d2/data.csv")).isEmpty();
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp"))).as("no temp file left").isEmpty();
        }
    }

    @Test
    void emptyBlobAndMissingKey() {
        FileBlobStore store = new FileBlobStore(root);
        store.put("a/empty", new byte[0]);
        assertThat(store.get("a/empty")).hasValueSatisfying(b -> assertThat(b).isEmpty());
        assertThat(store.get("a/never-written")).isEmpty();
    }

    @Test
    void leavesNoTempFilesBehind() throws IOException {
        FileBlobStore store = new FileBlobStore(root);
        for (int i = 0; i < 5; i++) store.put("k/x", bytes("v" + i));
        try (Stream<Path> files = Files.list(root.resolve("k"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("x");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../escape", "a/../../escape", "..", "a/..", "./a", "/abs/path", "a//b", "a/", "a\\b",
            "a/b c", "a/\u00e9"})
    void refusesBadKeys(String key) {
        FileBlobStore store = new FileBlobStore(root);
        assertThatThrownBy(() -> store.put(key, bytes("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete(key)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.exists(root.getParent().resolve("escape"))).isFalse();
    }

    @Test
    void refusesNullKey() {
        FileBlobStore store = new FileBlobStore(root);
        assertThatThrownBy(() -> store.get(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
