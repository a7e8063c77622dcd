package io.gureum.runtime.models;

import io.gureum.core.ModelRef;
import io.gureum.core.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.gureum.runtime.models.TestPacks.catalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Packs with source {@code local:}: the user puts the files in the store; Gureum only checks and serves them. */
class SuppliedByUserPackTest {
    @TempDir
    Path root;

    private static String suppliedPack(String id, String filesJson) {
        return """
                {"id": "%s", "version": "1", "task": "test-task", "description": "test pack", "source": "local:",
                 "files": [%s], "howToObtain": "It is a test file that you write yourself.", "licence": "MIT"}
                """.formatted(id, filesJson);
    }

    @Test
    void theBuiltInSpeechPacksAreSuppliedByTheUser() {
        ModelCatalog catalog = ModelCatalog.builtIn();

        ModelPack whisper = catalog.find("whisper-base", Optional.empty()).orElseThrow();
        assertThat(whisper.suppliedByUser()).isTrue();
        assertThat(whisper.task()).isEqualTo("speech-whisper");
        assertThat(whisper.files()).containsExactly(new PackFile("ggml-base.bin", null, 0));
        assertThat(whisper.howToObtain()).contains("whisper.cpp").doesNotContain("http");
        ModelPack vosk = catalog.find("vosk-en-us", Optional.empty()).orElseThrow();
        assertThat(vosk.files()).extracting(PackFile::path).containsExactly("am/final.mdl", "conf/model.conf");
        assertThat(vosk.howToObtain()).contains("Vosk").doesNotContain("http");
        assertThat(catalog.defaultFor("speech-whisper")).isEmpty();
        assertThat(catalog.defaultFor("speech-vosk")).isEmpty();
        assertThat(catalog.packs()).filteredOn(ModelPack::suppliedByUser).extracting(ModelPack::id)
                .containsExactly("whisper-base", "vosk-en-us");
    }

    @Test
    void isInstalledOnceItsFilesAreInItsFolder() throws Exception {
        ModelStore store = new ModelStore(root, catalog(suppliedPack("folder-model",
                "{\"path\": \"am/final.mdl\"}, {\"path\": \"conf/model.conf\"}")));
        ModelPack pack = store.catalog().packs().get(0);
        assertThat(store.installed(pack)).isEmpty();
        assertThat(store.list()).singleElement().extracting(ModelStatus::installed).isEqualTo(false);

        Path dir = root.resolve("folder-model/1");
        Files.createDirectories(dir.resolve("am"));
        Files.writeString(dir.resolve("am/final.mdl"), "weights");
        assertThat(store.installed(pack)).isEmpty(); // one of the two is still missing

        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/model.conf"), "--some-option");
        InstalledModel model = store.installed(pack).orElseThrow();
        assertThat(model.dir()).isEqualTo(dir);
        assertThat(model.file("am/final.mdl")).hasContent("weights");
        assertThat(model.card().source()).isEqualTo("local:");
        assertThat(model.card().installedAt()).isEqualTo(Files.getLastModifiedTime(dir.resolve("conf/model.conf")).toInstant());
        assertThat(dir.resolve(ModelStore.CARD_FILE)).doesNotExist(); // nothing is written into the user's folder
        assertThat(store.list()).singleElement().extracting(ModelStatus::installed, ModelStatus::sizeBytes).containsExactly(true, 20L);
    }

    @Test
    void aListedSizeMustMatch() throws Exception {
        ModelStore store = new ModelStore(root, catalog(suppliedPack("sized", "{\"path\": \"model.bin\", \"size\": 3}")));
        Path file = Files.createDirectories(root.resolve("sized/1")).resolve("model.bin");

        Files.writeString(file, "four");
        assertThat(store.installed(store.catalog().packs().get(0))).isEmpty();
        Files.writeString(file, "two");
        assertThat(store.installed(store.catalog().packs().get(0))).isPresent();
    }

    @Test
    void resolvingOneThatIsNotInPlaceIsA503NamingTheFolderAndTheFile() {
        ModelStore store = new ModelStore(root, ModelCatalog.builtIn());

        Problem problem = catchThrowableOfType(Problem.class,
                () -> store.resolve("speech-whisper", Optional.of(ModelRef.parse("whisper-base"))));

        Path folder = root.resolve("whisper-base").resolve("1");
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.code()).isEqualTo("model_not_installed");
        assertThat(problem.detail()).contains("whisper-base@1", "put ggml-base.bin in " + folder, "whisper.cpp project");
        assertThat(problem.extensions()).containsEntry("model", "whisper-base@1")
                .containsEntry("installCommand", "./gureum models install whisper-base@1")
                .containsEntry("folder", folder.toString())
                .containsEntry("files", List.of("ggml-base.bin"));

        Problem vosk = catchThrowableOfType(Problem.class,
                () -> store.resolve("speech-vosk", Optional.of(ModelRef.parse("vosk-en-us"))));
        assertThat(vosk.detail()).contains("put its files in " + root.resolve("vosk-en-us").resolve("1"),
                "at least am/final.mdl, conf/model.conf", "not the folder itself");
    }

    @Test
    void resolvesOnceInPlace() throws Exception {
        ModelStore store = new ModelStore(root, ModelCatalog.builtIn());
        Path file = Files.createDirectories(root.resolve("whisper-base/1")).resolve("ggml-base.bin");
        Files.write(file, new byte[] {1, 2, 3});

        InstalledModel model = store.resolve("speech-whisper", Optional.of(ModelRef.parse("whisper-base")));

        assertThat(model.file("ggml-base.bin")).isEqualTo(file);
        assertThat(model.card().ref()).isEqualTo("whisper-base@1");
    }

    @Test
    void installingOneThatIsNotInPlaceSaysWhatToPutWhere() {
        ModelStore store = new ModelStore(root, ModelCatalog.builtIn());
        ModelPack whisper = store.catalog().find("whisper-base", Optional.empty()).orElseThrow();

        assertThatThrownBy(() -> new ModelInstaller(store, InstallProgress.silent()).install(whisper))
                .isInstanceOf(ModelInstallException.class)
                .hasMessageContaining("Could not install model whisper-base@1 (local:): its files are not in place")
                .hasMessageContaining("put ggml-base.bin in " + root.resolve("whisper-base").resolve("1"))
                .extracting(e -> ((ModelInstallException) e).fix()).asString().startsWith("Model whisper-base@1 is supplied by you");
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void installingAllSkipsThoseNotInPlaceWithTheInstructionAndChecksThoseThatAre() throws Exception {
        ModelStore store = new ModelStore(root, catalog(
                suppliedPack("missing", "{\"path\": \"model.bin\"}"),
                suppliedPack("present", "{\"path\": \"model.bin\"}")));
        Files.writeString(Files.createDirectories(root.resolve("present/1")).resolve("model.bin"), "weights");
        RecordingProgress progress = new RecordingProgress();

        List<InstalledModel> installed = new ModelInstaller(store, progress).install(store.catalog().packs());

        assertThat(installed).extracting(m -> m.card().ref()).containsExactly("present@1");
        assertThat(progress.steps).contains(
                "missing@1: skipped, not in place. Model missing@1 is supplied by you (Gureum cannot download it): put model.bin in "
                        + root.resolve("missing").resolve("1") + java.io.File.separator + ". It is a test file that you write yourself.",
                "present@1: supplied by you, in place");
        assertThat(progress.finished).containsExactly("present@1");
    }

    @Test
    void installingAllOfTheBuiltInSpeechPacksOnAFreshMachineDoesNotFail() {
        ModelStore store = new ModelStore(root, ModelCatalog.builtIn());
        RecordingProgress progress = new RecordingProgress();

        List<InstalledModel> installed = new ModelInstaller(store, progress)
                .install(store.catalog().packs().stream().filter(ModelPack::suppliedByUser).toList());

        assertThat(installed).isEmpty();
        assertThat(progress.steps).hasSize(2).allMatch(step -> step.contains("skipped, not in place"));
    }

    @Test
    void anOptionalSha256IsCheckedByInstall() throws Exception {
        Path file = Files.createDirectories(root.resolve("pinned/1")).resolve("model.bin");
        Files.writeString(file, "weights");
        String right = TestPacks.sha256(file);
        ModelStore pinned = new ModelStore(root, catalog(suppliedPack("pinned", "{\"path\": \"model.bin\", \"sha256\": \"" + right + "\"}")));
        assertThat(new ModelInstaller(pinned, InstallProgress.silent()).install(pinned.catalog().packs().get(0)).file("model.bin"))
                .isEqualTo(file);

        ModelStore wrong = new ModelStore(root, catalog(suppliedPack("pinned", "{\"path\": \"model.bin\", \"sha256\": \"" + TestPacks.WRONG_SHA + "\"}")));
        assertThatThrownBy(() -> new ModelInstaller(wrong, InstallProgress.silent()).install(wrong.catalog().packs()))
                .isInstanceOf(ModelInstallException.class)
                .hasMessageContaining("sha256 mismatch for " + file)
                .hasMessageContaining("expected " + TestPacks.WRONG_SHA + " but got " + right);
        assertThat(file).hasContent("weights"); // the user's file is never touched
    }

    @Test
    void anUnusableModelIsA503SayingWhatToPutThereInstead() throws Exception {
        ModelStore store = new ModelStore(root, ModelCatalog.builtIn());
        ModelPack whisper = store.catalog().find("whisper-base", Optional.empty()).orElseThrow();

        Problem problem = store.unusable(whisper, "ggml-base.bin is not a ggml file");

        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.code()).isEqualTo("model_unusable");
        assertThat(problem.detail()).contains("cannot be used: ggml-base.bin is not a ggml file. Replace it.",
                "put ggml-base.bin in " + root.resolve("whisper-base").resolve("1"));
        assertThat(problem.extensions()).containsEntry("model", "whisper-base@1");
    }

    @Test
    void theCatalogStaysStrictAboutWhatALocalPackMayNotHave() {
        assertThatThrownBy(() -> catalog("""
                {"id": "x", "version": "1", "task": "t", "source": "local:", "archiveSha256": "%s",
                 "files": [{"path": "m.bin", "sha256": "not-hex"}], "licence": "MIT", "conversion": "tfjs-graph-to-onnx"}
                """.formatted(TestPacks.WRONG_SHA)))
                .hasMessageContaining("archiveSha256 has no meaning for a pack the user supplies")
                .hasMessageContaining("cannot have a conversion")
                .hasMessageContaining("needs howToObtain")
                .hasMessageContaining("file m.bin: sha256 must be 64 lower-case hex digits");
        assertThatThrownBy(() -> catalog(suppliedPack("x", "")))
                .hasMessageContaining("lists no files");
        assertThatThrownBy(() -> catalog(suppliedPack("x", "{\"path\": \"../m.bin\"}")))
                .hasMessageContaining("must be relative");
        assertThatThrownBy(() -> catalog(suppliedPack("x", "{\"path\": \"m.bin\"}").replace("\"local:\"", "\"local:/opt/m.bin\"")))
                .hasMessageContaining("has source exactly \"local:\"");
    }

    @Test
    void otherSourcesStillNeedEverySha256AndNoInstructions() {
        assertThatThrownBy(() -> catalog("""
                {"id": "x", "version": "1", "task": "t", "source": "maven:g:a:1!m.bin", "files": [{"path": "m.bin", "size": 1}],
                 "licence": "MIT", "howToObtain": "download it"}
                """))
                .hasMessageContaining("file m.bin: sha256 must be 64 lower-case hex digits")
                .hasMessageContaining("howToObtain is only for packs the user supplies");
    }

    private static final class RecordingProgress implements InstallProgress {
        final List<String> steps = new ArrayList<>();
        final List<String> finished = new ArrayList<>();

        @Override
        public void step(ModelPack pack, String message) {
            steps.add(pack.ref() + ": " + message);
        }

        @Override
        public void bytes(ModelPack pack, long done, long total) {}

        @Override
        public void finished(ModelPack pack, InstalledModel model) {
            finished.add(pack.ref());
        }
    }
}
