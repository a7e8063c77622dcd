package io.gureum.runtime.models;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.gureum.runtime.models.TestPacks.WRONG_SHA;
import static io.gureum.runtime.models.TestPacks.catalog;
import static io.gureum.runtime.models.TestPacks.file;
import static io.gureum.runtime.models.TestPacks.filesPack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs the real {@code npm pack} on small packages built in a temp folder. */
class NpmInstallTest {
    /** Longer than tar's 100-byte name field, so npm writes a long-name header we must read. */
    private static final String DEEP = "models/" + "a-rather-long-folder-name-for-testing-long-tar-paths/".repeat(3) + "weights.bin";

    @TempDir
    Path temp;

    @Test
    void installsOneFileOutOfAnNpmPackage() throws Exception {
        Path pkg = npmPackage("tiny-data", "1.0.0", "hello from npm\n");
        Path data = pkg.resolve("data.txt");
        ModelStore store = new ModelStore(temp.resolve("store"), catalog(
                filesPack("tiny", "1.0.0", true, "npm:file:" + pkg + "!data.txt", null, file("data.txt", data))));

        InstalledModel model = new ModelInstaller(store, InstallProgress.silent()).install(store.catalog().packs().get(0));

        assertThat(model.file("data.txt")).hasContent("hello from npm");
        assertThat(model.card().source()).isEqualTo("npm:file:" + pkg + "!data.txt");
        assertThat(store.installed(store.catalog().packs().get(0))).contains(model);
    }

    @Test
    void installsSeveralFilesOutOfAFolderWithLongPaths() throws Exception {
        Path pkg = npmPackage("tiny-folder", "1.0.0", "unused\n");
        Files.createDirectories(pkg.resolve(DEEP).getParent());
        Files.write(pkg.resolve(DEEP), new byte[70_000]);
        Files.writeString(pkg.resolve("models/vocab.txt"), "a\nb\n");
        String deepInPack = DEEP.substring("models/".length());
        ModelStore store = new ModelStore(temp.resolve("store"), catalog(filesPack("folder", "1.0.0", true,
                "npm:file:" + pkg + "!models", null,
                file(deepInPack, pkg.resolve(DEEP)) + "," + file("vocab.txt", pkg.resolve("models/vocab.txt")))));

        InstalledModel model = new ModelInstaller(store, InstallProgress.silent()).install(store.catalog().packs().get(0));

        assertThat(model.file(deepInPack)).hasSize(70_000);
        assertThat(model.file("vocab.txt")).hasContent("a\nb");
    }

    @Test
    void installsTwoVersionsSideBySide() throws Exception {
        Path v1 = npmPackage("tiny-v1", "1.0.0", "one\n");
        Path v2 = npmPackage("tiny-v2", "2.0.0", "two\n");
        ModelStore store = new ModelStore(temp.resolve("store"), catalog(
                filesPack("tiny", "1.0.0", false, "npm:file:" + v1 + "!data.txt", null, file("data.txt", v1.resolve("data.txt"))),
                filesPack("tiny", "2.0.0", false, "npm:file:" + v2 + "!data.txt", null, file("data.txt", v2.resolve("data.txt")))));

        List<InstalledModel> models = new ModelInstaller(store, InstallProgress.silent()).install(store.catalog().packs());

        assertThat(models).extracting(m -> m.card().version()).containsExactly("1.0.0", "2.0.0");
        assertThat(models.get(0).file("data.txt")).hasContent("one");
        assertThat(models.get(1).file("data.txt")).hasContent("two");
        assertThat(store.list()).allMatch(ModelStatus::installed);
        assertThat(store.catalog().find("tiny", Optional.empty()).flatMap(store::installed)).contains(models.get(1));
    }

    @Test
    void refusesAMismatchingFileAndAMissingEntry() throws Exception {
        Path pkg = npmPackage("tiny-bad", "1.0.0", "data\n");
        ModelStore store = new ModelStore(temp.resolve("store"), catalog(
                filesPack("bad-sha", "1.0.0", false, "npm:file:" + pkg + "!data.txt", null, file("data.txt", WRONG_SHA, 5)),
                filesPack("no-entry", "1.0.0", false, "npm:file:" + pkg + "!missing.txt", null, file("missing.txt", WRONG_SHA, 5))));

        assertThatThrownBy(() -> new ModelInstaller(store, InstallProgress.silent()).install(store.catalog().packs()))
                .isInstanceOf(ModelInstallException.class)
                .hasMessageContaining("2 of 2 model packs failed")
                .hasMessageContaining("sha256 mismatch for data.txt: expected " + WRONG_SHA)
                .hasMessageContaining("the package tiny-bad-1.0.0.tgz has no entry 'package/missing.txt'");
        assertThat(store.root()).isEmptyDirectory();
    }

    private Path npmPackage(String name, String version, String data) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("src-" + name));
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"" + name + "\", \"version\": \"" + version + "\"}");
        Files.writeString(dir.resolve("data.txt"), data);
        return dir;
    }
}
