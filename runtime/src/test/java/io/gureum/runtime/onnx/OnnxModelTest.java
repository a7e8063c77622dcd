package io.gureum.runtime.onnx;

import io.gureum.runtime.tfjs.TfjsGraphConverter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One shared session, many threads; plain arrays in and out; clear errors. */
class OnnxModelTest {
    @TempDir
    static Path temp;
    static Path onnx;

    /** The "matmul" op case, converted: inputs a [3,4] and x3 [2,4,3]; outputs mm, fused, batched. */
    @BeforeAll
    static void convert() throws Exception {
        for (String f : List.of("model.json", "weights.bin")) {
            try (InputStream in = OnnxModelTest.class.getClassLoader().getResourceAsStream("io/gureum/runtime/tfjs/ops/matmul/" + f)) {
                Files.copy(in, temp.resolve(f));
            }
        }
        onnx = temp.resolve("matmul.onnx");
        new TfjsGraphConverter().convert(temp.resolve("model.json"), onnx);
    }

    @Test
    void describesItsInputsAndOutputs() {
        try (OnnxModel model = OnnxModel.load(onnx, OnnxModel.Options.defaults().withIntraOpThreads(1))) {
            assertThat(model.inputNames()).containsExactly("a", "x3");
            assertThat(model.outputNames()).containsExactly("mm", "fused", "batched");
            assertThat(model.shapeOf("a")).containsExactly(3, 4);
            assertThat(model.shapeOf("batched")).containsExactly(2, 3, 5);
            assertThat(model.name()).isEqualTo("matmul.onnx");
        }
    }

    @Test
    void oneSessionServesManyThreadsWithTheSameResults() throws Exception {
        try (OnnxModel model = OnnxModel.load(onnx)) {
            float[] expected = model.run(feeds(1)).floats("batched");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<float[]>> runs = new ArrayList<>();
                for (int i = 0; i < 40; i++) runs.add(pool.submit(() -> model.run(feeds(1), Set.of("batched")).floats("batched")));
                for (Future<float[]> run : runs) assertThat(run.get()).containsExactly(expected);
            } finally {
                pool.shutdown();
            }
            assertThat(model.run(feeds(2)).floats("batched")).isNotEqualTo(expected);
        }
    }

    @Test
    void missingInputsAndUnknownOutputsAreNamed() {
        try (OnnxModel model = OnnxModel.load(onnx)) {
            assertThatThrownBy(() -> model.run(Map.of("a", OnnxModel.Input.floats(new float[12], 3, 4))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("matmul.onnx needs input 'x3'");
            assertThatThrownBy(() -> model.run(feeds(1)).floats("nope"))
                    .hasMessageContaining("no output 'nope'");
            assertThatThrownBy(() -> model.run(Map.of("a", OnnxModel.Input.floats(new float[5], 5), "x3", OnnxModel.Input.floats(new float[24], 2, 4, 3))))
                    .isInstanceOf(OnnxModelException.class)
                    .hasMessageContaining("matmul.onnx failed to run");
        }
        assertThatThrownBy(() -> OnnxModel.load(temp.resolve("model.json")))
                .isInstanceOf(OnnxModelException.class)
                .hasMessageContaining("ONNX Runtime cannot load");
        assertThatThrownBy(() -> OnnxModel.Options.defaults().withIntraOpThreads(0)).hasMessageContaining("intraOpThreads");
    }

    private static Map<String, OnnxModel.Input> feeds(float scale) {
        float[] a = new float[12];
        float[] x = new float[24];
        for (int i = 0; i < a.length; i++) a[i] = scale * (i % 5 - 2) / 3f;
        for (int i = 0; i < x.length; i++) x[i] = scale * (i % 7 - 3) / 4f;
        return Map.of("a", OnnxModel.Input.floats(a, 3, 4), "x3", OnnxModel.Input.floats(x, 2, 4, 3));
    }
}
