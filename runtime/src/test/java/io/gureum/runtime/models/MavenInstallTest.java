package io.gureum.runtime.models;

import io.gureum.core.ModelRef;
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

/** Runs the real {@code mvn}; the OpenNLP model jar is small enough and usually already in ~/.m2. */
class MavenInstallTest {
    private static final String OPENNLP_JAR_SHA = "ae7448a979671c12102130fa4003d962f55813cbb2f754825a98d448a67f528c";
    private static final String OPENNLP_SOURCE = "maven:org.apache.opennlp:opennlp-models-langdetect:1.3.0!langdetect-183.bin";

    @TempDir
    Path root;

    @Test
    void installsTheOpenNlpPackFromMavenAndResolvesIt() throws Exception {
        ModelStore store = new ModelStore(root, ModelCatalog.builtIn());
        ModelPack pack = store.catalog().find("opennlp-langdetect", Optional.of("1.3.0")).orElseThrow();
        RecordingProgress progress = new RecordingProgress();

        InstalledModel model = new ModelInstaller(store, progress).install(pack);

        Path dir = root.resolve("opennlp-langdetect").resolve("1.3.0");
        assertThat(model.dir()).isEqualTo(dir);
        assertThat(model.file("langdetect-183.bin")).hasSize(10568188);
        assertThat(TestPacks.sha256(model.file("langdetect-183.bin")))
                .isEqualTo("2ddf585fac2e02a9dcfb9a4a9cc9417562eaac351be2efb506a2eaa87f19e9d4");
        String card = Files.readString(dir.resolve("model-card.json"));
        assertThat(card).contains("\"id\" : \"opennlp-langdetect\"", "\"archiveSha256\" : \"" + OPENNLP_JAR_SHA + "\"",
                "\"licenceUrl\" : \"https://spdx.org/licenses/Apache-2.0.html\"", "\"installedAt\" : \"20");
        assertThat(model.card().installedAt()).isNotNull();
        assertThat(progress.steps).anyMatch(s -> s.startsWith("resolving via Maven"))
                .anyMatch(s -> s.startsWith("extracting")).anyMatch(s -> s.startsWith("copying and verifying sha256"));
        assertThat(progress.lastDone).isEqualTo(10568188);
        assertThat(progress.finished).isEqualTo(1);
        try (var left = Files.list(root)) {
            assertThat(left).containsExactly(root.resolve("opennlp-langdetect")); // no temp folders left
        }

        InstalledModel resolved = store.resolve("language-detection", Optional.of(ModelRef.parse("opennlp-langdetect@1.3.0")));
        assertThat(resolved).isEqualTo(model);
        assertThat(store.resolve("language-detection", Optional.of(ModelRef.parse("opennlp-langdetect"))).dir()).isEqualTo(dir);
        assertThat(store.list()).filteredOn(s -> s.pack().equals(pack)).singleElement()
                .satisfies(s -> assertThat(s.installed()).isTrue())
                .satisfies(s -> assertThat(s.sizeBytes()).isGreaterThan(10568188));

        // Installing again is a no-op: same card, same files, no Maven run.
        RecordingProgress again = new RecordingProgress();
        InstalledModel second = new ModelInstaller(store, again).install(pack);
        assertThat(second).isEqualTo(model);
        assertThat(again.steps).containsExactly("already installed");
    }

    @Test
    void refusesAFileWhoseChecksumDiffersAndLeavesNothingBehind() {
        ModelStore store = new ModelStore(root, catalog(filesPack("opennlp-langdetect", "1.3.0", true, OPENNLP_SOURCE,
                OPENNLP_JAR_SHA, file("langdetect-183.bin", WRONG_SHA, 10568188))));
        ModelPack pack = store.catalog().packs().get(0);

        assertThatThrownBy(() -> new ModelInstaller(store, InstallProgress.silent()).install(pack))
                .isInstanceOf(ModelInstallException.class)
                .hasMessageContaining("Could not install model opennlp-langdetect@1.3.0")
                .hasMessageContaining("sha256 mismatch for langdetect-183.bin")
                .hasMessageContaining("expected " + WRONG_SHA)
                .hasMessageContaining("but got 2ddf585fac2e02a9dcfb9a4a9cc9417562eaac351be2efb506a2eaa87f19e9d4");
        assertThat(root).isEmptyDirectory();
        assertThat(store.installed(pack)).isEmpty();
    }

    @Test
    void refusesAPackageWhoseChecksumDiffers() {
        ModelStore store = new ModelStore(root, catalog(filesPack("opennlp-langdetect", "1.3.0", true, OPENNLP_SOURCE,
                WRONG_SHA, file("langdetect-183.bin", WRONG_SHA, 10568188))));

        assertThatThrownBy(() -> new ModelInstaller(store, InstallProgress.silent()).install(store.catalog().packs().get(0)))
                .hasMessageContaining("sha256 mismatch for the package opennlp-models-langdetect-1.3.0.jar")
                .hasMessageContaining("but got " + OPENNLP_JAR_SHA);
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void reportsWhatMavenSaidWhenTheArtifactDoesNotExist() {
        ModelStore store = new ModelStore(root, catalog(filesPack("ghost", "1.0", true,
                "maven:io.gureum.test:no-such-artifact:0.0.1-gureum-test!x.bin", null, file("x.bin", WRONG_SHA, 1))));

        assertThatThrownBy(() -> new ModelInstaller(store, InstallProgress.silent()).install(store.catalog().packs().get(0)))
                .isInstanceOf(ModelInstallException.class)
                .hasMessageContaining("dependency:copy -Dartifact=io.gureum.test:no-such-artifact:0.0.1-gureum-test")
                .hasMessageContaining("failed with exit code")
                .hasMessageContaining("no-such-artifact")
                .hasMessageContaining("To fix: resolve the problem above, then run ./gureum models install ghost")
                .extracting(e -> ((ModelInstallException) e).fix()).isEqualTo("./gureum models install ghost");
        assertThat(root).isEmptyDirectory();
    }

    /** Collects what an install reported. */
    static final class RecordingProgress implements InstallProgress {
        final List<String> steps = new java.util.ArrayList<>();
        long lastDone;
        int finished;

        @Override public void step(ModelPack pack, String message) { steps.add(message); }
        @Override public void bytes(ModelPack pack, long done, long total) { lastDone = done; }
        @Override public void finished(ModelPack pack, InstalledModel model) { finished++; }
    }
}
