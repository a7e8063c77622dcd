package io.gureum.core;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Gureum keeps its state: {@code $GUREUM_HOME}, default {@code ~/.gureum}.
 * Models live in {@code models/} unless {@code GUREUM_MODELS_DIR} points elsewhere (tests share
 * one installed model folder between many throw-away homes that way). Blobs (operation inputs and
 * results) live in {@code blobs/} unless {@code GUREUM_BLOBS_DIR} names a folder that several nodes share.
 */
public record GureumHome(Path root, Path models, Path blobs) {
    public static GureumHome fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static GureumHome fromEnvironment(Map<String, String> env) {
        String home = env.get("GUREUM_HOME");
        Path root = (home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".gureum"))
                .toAbsolutePath();
        return new GureumHome(root, dir(env, "GUREUM_MODELS_DIR", root.resolve("models")), dir(env, "GUREUM_BLOBS_DIR", root.resolve("blobs")));
    }

    private static Path dir(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        return value != null && !value.isBlank() ? Path.of(value).toAbsolutePath() : fallback;
    }

    public Path database() { return root.resolve("db"); }
    public Path adminKeyFile() { return root.resolve("admin.key"); }
}
