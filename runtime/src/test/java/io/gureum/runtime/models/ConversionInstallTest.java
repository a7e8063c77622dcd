package io.gureum.runtime.models;

import io.gureum.runtime.tfjs.TfjsGraphConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.gureum.runtime.models.TestPacks.catalog;
import static io.gureum.runtime.models.TestPacks.file;
import static io.gureum.runtime.models.TestPacks.filesPack;
import static io.gureum.runtime.models.TestPacks.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A pack with {@code conversion: tfjs-graph-to-onnx}, installed with the real npm and converter. */
class ConversionInstallTest {
    @TempDir
    Path temp;

    @Test
    void convertsAtInstallAndRecordsTheResultInTheCard() throws Exception {
        Path pkg = tfjsPackage("tiny-tfjs", null);
        ModelStore store = new ModelStore(temp.resolve("store"), catalog(converted("tiny", pkg)));
        ModelPack pack = store.catalog().packs().get(0);

        InstalledModel model = new ModelInstaller(store, InstallProgress.silent()).install(pack);

        ConvertedFile converted = model.card().converted();
        assertThat(converted.path()).isEqualTo("model.onnx");
        assertThat(converted.from()).isEqualTo("model.json");
        assertThat(converted.conversion()).isEqualTo("tfjs-graph-to-onnx");
        assertThat(converted.converter()).isEqualTo("gureum-tfjs-importer");
        assertThat(converted.converterVersion()).isEqualTo(TfjsGraphConverter.VERSION);
        assertThat(model.onnxFile()).isEqualTo(model.dir().resolve("model.onnx"));
        assertThat(converted.sha256()).isEqualTo(sha256(model.onnxFile()));
        assertThat(converted.size()).isEqualTo(Files.size(model.onnxFile()));
        assertThat(Files.readString(model.dir().resolve("model-card.json"))).contains("\"converterVersion\" : \"" + TfjsGraphConverter.VERSION + "\"");
        assertThat(store.installed(pack)).contains(model);
    }

    @Test
    void anInstallConvertedByAnotherConverterVersionIsStaleAndConvertedAgain() throws Exception {
        Path pkg = tfjsPackage("tiny-stale", null);
        ModelStore store = new ModelStore(temp.resolve("store"), catalog(converted("tiny", pkg)));
        ModelPack pack = store.catalog().packs().get(0);
        InstalledModel first = new ModelInstaller(store, InstallProgress.silent()).install(pack);
        ModelCard card = first.card();
        ConvertedFile old = card.converted();
        ModelCardJson.write(new ModelCard(card.id(), card.version(), card.task(), card.description(), card.source(), card.delivery(),
                card.licence(), card.licenceUrl(), card.files(), card.archiveSha256(), card.installedAt(), card.metrics(),
                new ConvertedFile(old.path(), old.sha256(), old.size(), old.from(), old.conversion(), old.converter(), "0.1", old.millis())),
                first.dir().resolve(ModelStore.CARD_FILE));

        assertThat(store.installed(pack)).isEmpty();
        InstalledModel again = new ModelInstaller(store, InstallProgress.silent()).install(pack);
        assertThat(again.card().converted().converterVersion()).isEqualTo(TfjsGraphConverter.VERSION);
        assertThat(store.installed(pack)).contains(again);
    }

    @Test
    void aModelTheConverterCannotHandleFailsTheInstallAndLeavesNothing() throws Exception {
        Path pkg = tfjsPackage("tiny-unsupported", "\"op\": \"Relu6\"");
        ModelStore store = new ModelStore(temp.resolve("store"), catalog(converted("bad", pkg)));

        assertThatThrownBy(() -> new ModelInstaller(store, InstallProgress.silent()).install(store.catalog().packs().get(0)))
                .isInstanceOf(ModelInstallException.class)
                .hasMessageContaining("converting model.json to ONNX failed")
                .hasMessageContaining("unsupported TensorFlow op Cumprod (node 'r1')");
        assertThat(store.root()).isEmptyDirectory();
    }

    /** An npm package holding the "conv" op case; {@code replace} optionally edits its model.json. */
    private Path tfjsPackage(String name, String replace) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("src-" + name));
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"" + name + "\", \"version\": \"1.0.0\"}");
        Path model = Files.createDirectories(dir.resolve("model"));
        for (String f : List.of("model.json", "weights.bin")) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("io/gureum/runtime/tfjs/ops/conv/" + f)) {
                Files.copy(in, model.resolve(f));
            }
        }
        if (replace != null) {
            Path json = model.resolve("model.json");
            Files.writeString(json, Files.readString(json).replace(replace, "\"op\": \"Cumprod\""));
        }
        return dir;
    }

    private static String converted(String id, Path pkg) {
        Path model = pkg.resolve("model");
        return filesPack(id, "1.0.0", true, "npm:file:" + pkg + "!model", null,
                file("model.json", model.resolve("model.json")) + "," + file("weights.bin", model.resolve("weights.bin")))
                .replace("\"licence\"", "\"conversion\": \"tfjs-graph-to-onnx\", \"licence\"");
    }
}
