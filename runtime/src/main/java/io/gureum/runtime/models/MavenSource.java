package io.gureum.runtime.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * A jar from a Maven repository, fetched by Maven itself ({@code dependency:copy}) so that the
 * user's settings, mirrors, proxies and local repository all apply.
 *
 * @param coordinates {@code GROUP:ARTIFACT:VERSION[:PACKAGING[:CLASSIFIER]]}
 * @param entry       path inside the jar, or null for the whole jar
 */
record MavenSource(String coordinates, String entry) implements PackSource {
    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    static MavenSource of(String coordinates, String entry, String source) {
        String[] parts = coordinates.split(":", -1);
        if (parts.length < 3 || parts.length > 5 || List.of(parts).stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("source '" + source + "' must be maven:GROUP:ARTIFACT:VERSION[!entry]");
        }
        return new MavenSource(coordinates, entry);
    }

    @Override
    public Fetched fetch(ModelPack pack, Path workDir, InstallProgress progress) {
        progress.step(pack, "resolving via Maven (" + coordinates + ")");
        try {
            Path out = Files.createDirectories(workDir.resolve("maven"));
            // Run in an empty folder so that no project pom around the caller changes the build.
            ExternalCommand.run(List.of(ExternalCommand.executable("mvn"), "-q", "-B", "dependency:copy",
                            "-Dartifact=" + coordinates, "-DoutputDirectory=" + out.toAbsolutePath()),
                    workDir, TIMEOUT, "Is Maven installed? (Debian: sudo apt-get install -y maven)");
            return Fetched.archive(onlyFileIn(out), entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path onlyFileIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(Files::isRegularFile).toList();
            if (found.size() != 1) {
                throw ModelInstallException.because("Maven copied " + found.size() + " files for " + coordinates
                        + " (expected exactly one jar)");
            }
            return found.get(0);
        }
    }
}
