package io.gureum.runtime.tfjs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a user bringing their own tfjs model sees when it cannot be converted. */
class ConversionErrorsTest {
    @TempDir
    Path temp;

    @Test
    void anUnsupportedOpIsNamedWithItsNode() throws IOException {
        Path model = opCase("conv", json -> json.replace("\"op\": \"Relu6\"", "\"op\": \"Cumprod\""));

        assertThatThrownBy(() -> new TfjsGraphConverter().convert(model))
                .isInstanceOfSatisfying(UnsupportedOpException.class, e -> {
                    assertThat(e.op()).isEqualTo("Cumprod");
                    assertThat(e.nodeName()).isEqualTo("r1");
                })
                .hasMessage("unsupported TensorFlow op Cumprod (node 'r1')");
    }

    @Test
    void anUnsupportedVariantOfASupportedOpSaysWhatIsMissing() throws IOException {
        Path model = opCase("pad_concat", json -> json.replace("\"UkVGTEVDVA==\"", "\"U1lNTUVUUklD\"")); // REFLECT -> SYMMETRIC

        assertThatThrownBy(() -> new TfjsGraphConverter().convert(model))
                .isInstanceOf(UnsupportedOpException.class)
                .hasMessage("unsupported TensorFlow op MirrorPad (node 'mirror'): mode SYMMETRIC");
    }

    @Test
    void onlyGraphModelsWithTheirWeightsConvert() throws IOException {
        Path layers = opCase("conv", json -> json.replace("\"graph-model\"", "\"layers-model\""));
        assertThatThrownBy(() -> new TfjsGraphConverter().convert(layers))
                .hasMessageContaining("is a tfjs layers-model; only graph models");

        Path missingWeight = opCase("conv", json -> { // rename the manifest's entry (the last mention), not the node
            int at = json.lastIndexOf("\"name\": \"w2\"");
            return json.substring(0, at) + "\"name\": \"w2-renamed\"" + json.substring(at + "\"name\": \"w2\"".length());
        });
        assertThatThrownBy(() -> new TfjsGraphConverter().convert(missingWeight))
                .hasMessageContaining("Const node 'w2' has no entry in the weights manifest");

        Path escaping = opCase("conv", json -> json.replace("\"weights.bin\"", "\"../weights.bin\""));
        assertThatThrownBy(() -> new TfjsGraphConverter().convert(escaping))
                .hasMessageContaining("weight shard '../weights.bin' is outside the model folder");
    }

    @Test
    void theSupportedOpsCoverWhatTheCatalogsModelsUse() {
        assertThat(new TfjsGraphConverter().supportedOps()).contains("_FusedConv2D", "FusedDepthwiseConv2dNative",
                "DepthwiseConv2dNative", "Conv2D", "MaxPool", "AvgPool", "ResizeBilinear", "StridedSlice", "_FusedMatMul",
                "TopKV2", "GatherV2", "GatherNd", "SparseToDense", "NonMaxSuppressionV5", "FusedBatchNormV3");
    }

    private Path opCase(String name, java.util.function.UnaryOperator<String> edit) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name + "-" + System.nanoTime()));
        for (String file : List.of("model.json", "weights.bin")) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(GoldenFile.OP_CASES + "/" + name + "/" + file)) {
                Files.copy(in, dir.resolve(file));
            }
        }
        Path json = dir.resolve("model.json");
        Files.writeString(json, edit.apply(Files.readString(json)));
        return json;
    }
}
