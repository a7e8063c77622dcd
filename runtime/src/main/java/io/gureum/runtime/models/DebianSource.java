package io.gureum.runtime.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A file that a Debian package installs. Gureum never installs OS packages itself (that needs
 * root and is the administrator's call); when the file is missing it says which apt-get line to run.
 */
record DebianSource(String packageName, String path) implements PackSource {

    static DebianSource of(String packageName, String path, String source) {
        if (packageName.isBlank() || path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("source '" + source + "' must be debian:PACKAGE!/absolute/path");
        }
        return new DebianSource(packageName, path);
    }

    String aptCommand() {
        return "sudo apt-get install -y " + packageName;
    }

    @Override
    public Fetched fetch(ModelPack pack, Path workDir, InstallProgress progress) {
        progress.step(pack, "locating " + path + " from Debian package " + packageName);
        Path file = Path.of(path);
        if (Files.exists(file)) return Fetched.onDisk(file);
        String fix = aptCommand() + "   then: " + pack.installCommand();
        if (packageInstalled()) {
            throw ModelInstallException.because("Debian package " + packageName + " is installed but has no "
                    + path + " (a different version of the package?)", fix);
        }
        throw ModelInstallException.because("needs " + path + " from the Debian package " + packageName
                + ", which is not installed (Gureum does not install OS packages itself)", fix);
    }

    /** True only when dpkg says so; on a system without dpkg we simply report the file as missing. */
    private boolean packageInstalled() {
        try {
            String status = ExternalCommand.run(List.of("dpkg-query", "-W", "-f=${Status}", packageName),
                    Path.of(System.getProperty("java.io.tmpdir")), Duration.ofSeconds(30), "");
            return status.contains("install ok installed");
        } catch (ModelInstallException e) {
            return false;
        }
    }
}
