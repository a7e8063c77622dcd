package io.gureum.runtime.tfjs;

import io.gureum.runtime.onnx.OnnxModel;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Small hand-written tfjs graphs (written by {@code src/test/golden/op-cases.mjs}, one per op
 * family and its corner cases), converted and run by ONNX Runtime, against tfjs's own outputs.
 */
class OpCasesTest {
    @TempDir
    Path temp;

    static List<String> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(OpCasesTest.class.getClassLoader().getResource(GoldenFile.OP_CASES).toURI());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void convertedGraphComputesWhatTfjsComputes(String name) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name));
        for (String file : List.of("model.json", "weights.bin")) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(GoldenFile.OP_CASES + "/" + name + "/" + file)) {
                Files.copy(in, dir.resolve(file));
            }
        }
        GoldenFile golden = GoldenFile.opCase(name);
        Path onnx = temp.resolve(name + ".onnx");
        new TfjsGraphConverter().convert(dir.resolve("model.json"), onnx);
        try (OnnxModel model = OnnxModel.load(onnx)) {
            GoldenComparison.assertClose(golden, model.run(golden.feeds()), 1e-5, 1e-5);
        }
    }
}
