package io.gureum.server;

import io.gureum.core.Problem;
import io.gureum.platform.keys.ApiKey;
import io.gureum.platform.keys.CreatedKey;
import io.gureum.platform.keys.KeyStore;
import io.gureum.platform.keys.NewKey;
import io.gureum.platform.projects.Project;
import io.gureum.platform.projects.ProjectStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * First start: creates the admin project and its key, writes the secret to {@code admin.key} (mode 0600)
 * and returns it so it can be printed once. Later starts, or a second node on the same database, do nothing.
 */
final class AdminBootstrap {
    private AdminBootstrap() {}

    static Optional<String> ensureAdminKey(ProjectStore projects, KeyStore keys, Path keyFile) {
        if (projects.findByName(Project.ADMIN_PROJECT_NAME).isPresent()) return Optional.empty();
        Project admin;
        try {
            admin = projects.create(Project.ADMIN_PROJECT_NAME);
        } catch (Problem raced) {
            return Optional.empty(); // another node created it a moment ago
        }
        CreatedKey key = keys.create(new NewKey(admin.id(), "admin", Set.of(ApiKey.ADMIN_SCOPE), null, null, Map.of()));
        writeSecret(keyFile, key.secret());
        return Optional.of(key.secret());
    }

    private static void writeSecret(Path file, String secret) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, secret + "\n");
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the admin key to " + file, e);
        }
    }
}
