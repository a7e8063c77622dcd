package io.gureum.language.translation.apertium;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Installed package versions, read from dpkg's database file (no process, and nothing on a system without dpkg). */
final class Dpkg {
    static final Path STATUS = Path.of("/var/lib/dpkg/status");

    private Dpkg() {}

    /**
     * The versions of those of {@code packages} that are installed, from a dpkg status file (paragraphs of
     * {@code Field: value} lines); none when the file is absent.
     */
    static Map<String, String> installedVersions(Path statusFile, Set<String> packages) throws IOException {
        Map<String, String> versions = new HashMap<>();
        if (packages.isEmpty() || !Files.isRegularFile(statusFile)) return versions;
        try (BufferedReader lines = Files.newBufferedReader(statusFile, StandardCharsets.UTF_8)) {
            String name = null;
            String version = null;
            boolean installed = false;
            for (String line = lines.readLine(); ; line = lines.readLine()) {
                if (line == null || line.isEmpty()) {   // end of a package's paragraph
                    if (name != null && version != null && installed && packages.contains(name)) versions.put(name, version);
                    if (line == null) break;
                    name = null;
                    version = null;
                    installed = false;
                } else if (line.startsWith("Package: ")) {
                    name = line.substring("Package: ".length()).trim();
                } else if (line.startsWith("Version: ")) {
                    version = line.substring("Version: ".length()).trim();
                } else if (line.startsWith("Status: ")) {
                    installed = line.trim().endsWith(" installed");
                }
            }
        }
        return versions;
    }
}
