package io.gureum.vision.ocr.paddle;

import io.gureum.runtime.onnx.OnnxModel;

import java.util.List;
import java.util.Map;

/**
 * PP-OCR's text direction classifier ({@code ch_ppocr_mobile_v2.0_cls}): is a strip upright (0) or upside
 * down (180)? Input {@code [N,3,48,192]}, the strip squeezed to 192 wide when longer; output {@code [N,2]}.
 */
final class DirectionClassifier {
    static final int WIDTH = 192;
    private static final int BATCH = 6;

    private final OnnxModel model;
    private final String input;

    DirectionClassifier(OnnxModel model) {
        this.model = model;
        this.input = model.inputNames().iterator().next();
    }

    /** For each strip, the probability that it is upside down. */
    double[] upsideDown(List<Strip> strips) {
        double[] result = new double[strips.size()];
        int slot = 3 * Strip.HEIGHT * WIDTH;
        for (int from = 0; from < strips.size(); from += BATCH) {
            int n = Math.min(BATCH, strips.size() - from);
            float[] batch = new float[n * slot];
            for (int i = 0; i < n; i++) strips.get(from + i).writeInto(batch, i, WIDTH, WIDTH);
            OnnxModel.Outputs out = model.run(Map.of(input, OnnxModel.Input.floats(batch, n, 3, Strip.HEIGHT, WIDTH)));
            float[] p = out.floats(out.names().get(0)); // [n, 2]: labels "0", "180"
            for (int i = 0; i < n; i++) result[from + i] = p[2 * i + 1];
        }
        return result;
    }
}
