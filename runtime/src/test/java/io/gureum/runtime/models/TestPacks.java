package io.gureum.runtime.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Builds small catalogs for tests; sha256 computed independently of the code under test. */
final class TestPacks {
    static final String WRONG_SHA = "0".repeat(64);

    private TestPacks() {}

    static ModelCatalog catalog(String... packsJson) {
        String json = "{\"packs\": [" + String.join(",", packsJson) + "]}";
        return ModelCatalog.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    static String filesPack(String id, String version, boolean isDefault, String source, String archiveSha, String filesJson) {
        return """
                {"id": "%s", "version": "%s", "task": "test-task", "default": %s,
                 "description": "test pack", "source": "%s", "delivery": "files",
                 "archiveSha256": %s, "files": [%s], "licence": "MIT", "licenceUrl": "https://spdx.org/licenses/MIT.html"}
                """.formatted(id, version, isDefault, source, archiveSha == null ? "null" : "\"" + archiveSha + "\"", filesJson);
    }

    static String file(String path, String sha, long size) {
        return "{\"path\": \"%s\", \"sha256\": \"%s\", \"size\": %d}".formatted(path, sha, size);
    }

    static String file(String path, Path content) {
        return file(path, sha256(content), size(content));
    }

    static String classpathPack(String id, String version, boolean isDefault, String anchor, String jarSha) {
        return """
                {"id": "%s", "version": "%s", "task": "test-task", "default": %s,
                 "description": "test pack", "source": "maven:com.example:x:1", "delivery": "classpath",
                 "classpathAnchor": "%s", "archiveSha256": "%s", "files": [], "licence": "MIT"}
                """.formatted(id, version, isDefault, anchor, jarSha);
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
