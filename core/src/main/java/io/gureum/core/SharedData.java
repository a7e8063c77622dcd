package io.gureum.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where third-party evaluation data lives (labelled pages, audio, texts for accuracy tests and benchmarks): the
 * folder named by {@code GUREUM_SHARED_DATA}, else {@code shared/data} beside the repository, found from the
 * {@code gureum.repo} system property or by walking up from the working folder. Nothing ships it; tests that
 * need it skip when it is absent.
 */
public final class SharedData {
    private SharedData() {}

    /** The data folder if it exists. */
    public static Optional<Path> locate() {
        String override = System.getenv("GUREUM_SHARED_DATA");
        if (override != null && !override.isBlank()) {
            Path dir = Path.of(override);
            return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        String repo = System.getProperty("gureum.repo");
        if (repo != null && !repo.isBlank()) candidates.add(Path.of(repo).toAbsolutePath());
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) candidates.add(dir);
        return candidates.stream().map(dir -> dir.resolveSibling("shared").resolve("data")).filter(Files::isDirectory).findFirst();
    }

    /** A path inside the data folder, or a path that does not exist when there is none (callers skip on it). */
    public static Path resolve(String relative) {
        return locate().map(d -> d.resolve(relative)).orElse(Path.of("/nonexistent-shared-data").resolve(relative));
    }
}
