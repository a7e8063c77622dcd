package io.gureum.core;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Gureum keeps its state: {@code $GUREUM_HOME}, default {@code ~/.gureum}.
 * Models live in {@code models/} unless {@code GUREUM_MODELS_DIR} points elsewhere (tests share
 * one installed model folder between many throw-away homes that way).
 */
public record GureumHome(Path root, Path models) {
    public static GureumHome fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static GureumHome fromEnvironment(Map<String, String> env) {
        String home = env.get("GUREUM_HOME");
        Path root = (home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".gureum"))
                .toAbsolutePath();
        String models = env.get("GUREUM_MODELS_DIR");
        return new GureumHome(root, models != null && !models.isBlank() ? Path.of(models).toAbsolutePath() : root.resolve("models"));
    }

    public Path database() { return root.resolve("db"); }
    public Path blobs() { return root.resolve("blobs"); }
    public Path adminKeyFile() { return root.resolve("admin.key"); }
}
