package io.gureum.runtime.tfjs;

import io.gureum.runtime.models.InstalledModel;
import io.gureum.runtime.onnx.OnnxModel;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two independent routes from MediaPipe's BlazeFace to ONNX agree: ours (tfjs graph model of
 * {@code blazeface-back}, converted at install) and PINTO0309/Keijiro's (TFLite to ONNX, shipped
 * ready-made as {@code mediapipe-blazeface-back}).
 */
class BlazeFaceCrossCheckTest {
    @Test
    void convertedBlazeFaceMatchesTheReadyMadeOnnx() {
        InstalledModel converted = InstalledPacks.get("blazeface-back", "3.0.4");
        InstalledModel readyMade = InstalledPacks.get("mediapipe-blazeface-back", "1.2.0");
        GoldenFile golden = GoldenFile.pack("blazeface-back");
        float[] image = (float[]) golden.inputs().get(0).values();
        try (OnnxModel ours = OnnxModel.load(converted.onnxFile()); OnnxModel theirs = OnnxModel.load(readyMade.onnxFile())) {
            assertThat(theirs.inputNames()).containsExactly("input:0");
            OnnxModel.Outputs a = ours.run(Map.of("input", OnnxModel.Input.floats(image, 1, 256, 256, 3)));
            OnnxModel.Outputs b = theirs.run(Map.of("input:0", OnnxModel.Input.floats(image, 1, 256, 256, 3)));
            for (String output : new String[]{"Identity", "Identity_1", "Identity_2", "Identity_3"}) {
                assertThat(a.shape(output)).containsExactly(b.shape(output + ":0"));
                float[] x = a.floats(output);
                float[] y = b.floats(output + ":0");
                for (int i = 0; i < x.length; i++) {
                    assertThat((double) x[i]).as("%s[%d]", output, i).isCloseTo(y[i], org.assertj.core.data.Offset.offset(1e-3 + 1e-5 * Math.abs(y[i])));
                }
            }
        }
    }
}
