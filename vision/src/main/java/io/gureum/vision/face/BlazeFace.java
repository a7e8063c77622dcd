package io.gureum.vision.face;

import io.gureum.runtime.onnx.OnnxModel;
import io.gureum.vision.geometry.Box;
import io.gureum.vision.geometry.Point;
import io.gureum.vision.image.ImageTensors;
import io.gureum.vision.image.Normalization;
import io.gureum.vision.image.TensorFormat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MediaPipe's full-range ("back camera") BlazeFace on one 256x256 RGB input scaled to -1..1: 896 anchors,
 * 512 on a 16x16 grid (2 per cell) and 384 on an 8x8 grid (6 per cell), each with a score logit and 16
 * regressors in input pixels: box centre offset, box size, then six keypoint offsets from the anchor.
 * Both the converted tfjs pack and the ready-made ONNX pack have this contract; their tensor names differ,
 * so outputs are told apart by shape.
 */
final class BlazeFace {
    static final int INPUT = 256;
    private static final TensorFormat FORMAT = new TensorFormat(TensorFormat.Layout.NHWC, TensorFormat.Channels.RGB, Normalization.SYMMETRIC);
    private static final float[] ANCHORS = anchors();

    private final OnnxModel model;
    private final String input;
    private final String scores512, scores384, boxes512, boxes384;

    BlazeFace(OnnxModel model) {
        this.model = model;
        this.input = model.inputNames().iterator().next();
        String s512 = null, s384 = null, b512 = null, b384 = null;
        for (String name : model.outputNames()) {
            long[] shape = model.shapeOf(name);
            long anchors = shape[1], width = shape[2];
            if (anchors == 512 && width == 1) s512 = name;
            else if (anchors == 384 && width == 1) s384 = name;
            else if (anchors == 512 && width == 16) b512 = name;
            else if (anchors == 384 && width == 16) b384 = name;
        }
        if (s512 == null || s384 == null || b512 == null || b384 == null) {
            throw new IllegalStateException(model.name() + " does not have BlazeFace's outputs ([1,512,1], [1,384,1], [1,512,16], [1,384,16])");
        }
        this.scores512 = s512;
        this.scores384 = s384;
        this.boxes512 = b512;
        this.boxes384 = b384;
    }

    /** A detection in input pixels (0-256), before suppression. */
    record Raw(Box box, double score, Point[] keypoints) {}

    /** Runs the model on a 256x256 image; returns the anchors scoring at least {@code minScore}. */
    List<Raw> detect(BufferedImage input256, double minScore) {
        if (input256.getWidth() != INPUT || input256.getHeight() != INPUT) throw new IllegalArgumentException("BlazeFace needs 256x256");
        float[] tensor = ImageTensors.toTensor(input256, FORMAT);
        OnnxModel.Outputs out = model.run(Map.of(input, OnnxModel.Input.floats(tensor, FORMAT.shape(1, INPUT, INPUT))));
        List<Raw> found = new ArrayList<>();
        double minLogit = Math.log(minScore / (1 - Math.max(minScore, 1e-9)));
        decode(out.floats(scores512), out.floats(boxes512), 0, minLogit, found);
        decode(out.floats(scores384), out.floats(boxes384), 512, minLogit, found);
        return found;
    }

    private static void decode(float[] logits, float[] regressors, int firstAnchor, double minLogit, List<Raw> found) {
        for (int i = 0; i < logits.length; i++) {
            if (logits[i] < minLogit) continue;
            double score = 1 / (1 + Math.exp(-Math.max(-100, Math.min(100, logits[i]))));
            int a = (firstAnchor + i) * 2;
            double ax = ANCHORS[a], ay = ANCHORS[a + 1];
            int r = i * 16;
            Box box = Box.fromCentre(ax + regressors[r], ay + regressors[r + 1], regressors[r + 2], regressors[r + 3]);
            Point[] keypoints = new Point[6];
            for (int k = 0; k < 6; k++) keypoints[k] = new Point(ax + regressors[r + 4 + 2 * k], ay + regressors[r + 5 + 2 * k]);
            found.add(new Raw(box, score, keypoints));
        }
    }

    /** Anchor centres in input pixels: stride 16 with 2 anchors per cell, then stride 32 with 6. */
    private static float[] anchors() {
        float[] centres = new float[896 * 2];
        int n = 0;
        int[][] layers = {{16, 2}, {32, 6}};
        for (int[] layer : layers) {
            int stride = layer[0], perCell = layer[1], cells = INPUT / stride;
            for (int y = 0; y < cells; y++) {
                for (int x = 0; x < cells; x++) {
                    for (int k = 0; k < perCell; k++) {
                        centres[n++] = stride * (x + 0.5f);
                        centres[n++] = stride * (y + 0.5f);
                    }
                }
            }
        }
        return centres;
    }
}
