package io.gureum.runtime.models;

import io.gureum.core.ModelRef;
import io.gureum.core.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ModelStoreTest {
    @TempDir
    Path root;

    @Test
    void anUnknownModelIsA404() {
        ModelStore store = new ModelStore(root, ModelCatalog.builtIn());

        Problem problem = catchThrowableOfType(Problem.class,
                () -> store.resolve("language-detection", Optional.of(ModelRef.parse("no-such-model"))));

        assertThat(problem.code()).isEqualTo("unknown_model");
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.detail()).contains("no-such-model");
    }

    @Test
    void aModelOfAnotherTaskOrAnUnknownVersionIsA404() {
        ModelStore store = new ModelStore(root, ModelCatalog.builtIn());

        assertThat(catchThrowableOfType(Problem.class,
                () -> store.resolve("sentiment", Optional.of(ModelRef.parse("opennlp-langdetect")))).code())
                .isEqualTo("unknown_model");
        assertThat(catchThrowableOfType(Problem.class,
                () -> store.resolve("language-detection", Optional.of(ModelRef.parse("opennlp-langdetect@9.9")))).code())
                .isEqualTo("unknown_model");
        assertThat(catchThrowableOfType(Problem.class, () -> store.resolve("sentiment", Optional.empty())).status())
                .isEqualTo(404);
    }

    @Test
    void aKnownModelThatIsNotInstalledIsA503WithTheInstallCommand() {
        ModelStore store = new ModelStore(root, ModelCatalog.builtIn());

        Problem problem = catchThrowableOfType(Problem.class,
                () -> store.resolve("language-detection", Optional.of(ModelRef.parse("opennlp-langdetect"))));

        assertThat(problem.code()).isEqualTo("model_not_installed");
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.detail()).contains("./gureum models install opennlp-langdetect");
        assertThat(problem.extensions()).containsEntry("model", "opennlp-langdetect@1.3.0");

        Problem byDefault = catchThrowableOfType(Problem.class, () -> store.resolve("language-detection", Optional.empty()));
        assertThat(byDefault.detail()).contains("lingua@1.2.2", "./gureum models install lingua");
    }

    @Test
    void listsEveryPackWithItsInstallState() throws Exception {
        ModelStore store = new ModelStore(root, ModelCatalog.builtIn());

        assertThat(store.list()).hasSize(store.catalog().packs().size())
                .filteredOn(s -> s.pack().task().equals("language-detection"))
                .extracting(s -> s.pack().ref(), ModelStatus::installed, ModelStatus::sizeBytes)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("lingua@1.2.2", false, 0L),
                        org.assertj.core.groups.Tuple.tuple("opennlp-langdetect@1.3.0", false, 10568188L));
    }

    @Test
    void aFolderWithoutItsCardOrWithAMissingFileIsNotInstalled() throws Exception {
        ModelStore store = new ModelStore(root, ModelCatalog.builtIn());
        ModelPack pack = store.catalog().find("opennlp-langdetect", Optional.empty()).orElseThrow();
        Path dir = Files.createDirectories(root.resolve("opennlp-langdetect/1.3.0"));
        assertThat(store.installed(pack)).isEmpty();

        ModelCardJson.write(ModelCard.of(pack, java.time.Instant.parse("2025-01-02T03:04:05Z")), dir.resolve("model-card.json"));
        assertThat(store.installed(pack)).isEmpty(); // the card is there, the model file is not

        assertThat(Files.readString(dir.resolve("model-card.json"))).contains("\"installedAt\" : \"2025-01-02T03:04:05Z\"");
        assertThatThrownBy(() -> new InstalledModel(ModelCardJson.read(dir.resolve("model-card.json")), dir).file("../x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
