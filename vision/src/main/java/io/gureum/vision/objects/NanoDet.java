package io.gureum.vision.objects;

import io.gureum.runtime.onnx.OnnxModel;
import io.gureum.vision.geometry.Box;
import io.gureum.vision.image.ImageTensors;
import io.gureum.vision.image.Letterbox;
import io.gureum.vision.image.Normalization;
import io.gureum.vision.image.TensorFormat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * NanoDet-m (416x416, GFL heads at strides 8, 16 and 32). The image is letterboxed into the input, keeping
 * its aspect ratio: stretched, the close-up cat of the test photos read as a person or a dog. Each grid cell has 80 sigmoid class scores and, per box side (left,
 * top, right, bottom), a distribution over 0-10 stride units whose mean is the distance from the cell
 * centre (Generalized Focal Loss decoding).
 */
final class NanoDet implements ObjectDetector {
    private static final int INPUT = 416;
    private static final int BINS = 11;
    private static final int PAD_RGB = 0x727272;
    private static final int[] STRIDES = {8, 16, 32};
    /** NanoDet's own input: BGR planes, ImageNet mean and deviation in 0-255 units (given here in R, G, B order). */
    private static final TensorFormat FORMAT = new TensorFormat(TensorFormat.Layout.NCHW, TensorFormat.Channels.BGR,
            Normalization.perColour(new float[] {123.675f, 116.28f, 103.53f}, new float[] {1 / 58.395f, 1 / 57.12f, 1 / 57.375f}));

    private final OnnxModel model;
    private final String input;
    private final String[] scores = new String[3];
    private final String[] boxes = new String[3];

    NanoDet(OnnxModel model) {
        this.model = model;
        this.input = model.inputNames().iterator().next();
        for (String name : model.outputNames()) {
            long[] shape = model.shapeOf(name);
            int level = levelOf(shape[1]);
            if (level < 0) continue;
            if (shape[2] == CocoClasses.NAMES.size()) scores[level] = name;
            else if (shape[2] == 4 * BINS) boxes[level] = name;
        }
        for (int i = 0; i < 3; i++) {
            if (scores[i] == null || boxes[i] == null) throw new IllegalStateException(model.name() + " does not have NanoDet-m 416's outputs");
        }
    }

    private static int levelOf(long cells) {
        for (int i = 0; i < STRIDES.length; i++) {
            int side = INPUT / STRIDES[i];
            if (cells == (long) side * side) return i;
        }
        return -1;
    }

    @Override
    public List<DetectedObject> detect(BufferedImage image, double minConfidence) {
        Letterbox fitted = ImageTensors.letterbox(image, INPUT, INPUT, PAD_RGB);
        OnnxModel.Outputs out = model.run(Map.of(input, OnnxModel.Input.floats(ImageTensors.toTensor(fitted.image(), FORMAT), FORMAT.shape(1, INPUT, INPUT))));
        List<DetectedObject> found = new ArrayList<>();
        int classes = CocoClasses.NAMES.size();
        for (int level = 0; level < 3; level++) {
            float[] s = out.floats(scores[level]);
            float[] b = out.floats(boxes[level]);
            int stride = STRIDES[level], side = INPUT / stride;
            for (int cell = 0; cell < side * side; cell++) {
                int best = 0;
                for (int c = 1; c < classes; c++) if (s[cell * classes + c] > s[cell * classes + best]) best = c;
                float score = s[cell * classes + best];
                if (score < minConfidence) continue;
                double cx = (cell % side + 0.5) * stride, cy = (cell / side + 0.5) * stride;
                double left = distance(b, cell * 4 * BINS) * stride, top = distance(b, cell * 4 * BINS + BINS) * stride;
                double right = distance(b, cell * 4 * BINS + 2 * BINS) * stride, bottom = distance(b, cell * 4 * BINS + 3 * BINS) * stride;
                Box box = Box.fromCorners(fitted.toSourceX(cx - left), fitted.toSourceY(cy - top),
                        fitted.toSourceX(cx + right), fitted.toSourceY(cy + bottom));
                found.add(new DetectedObject(CocoClasses.NAMES.get(best), best, score, box));
            }
        }
        return found;
    }

    /** The mean of a softmax over {@code BINS} logits: a distance in strides. */
    private static double distance(float[] logits, int offset) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < BINS; i++) max = Math.max(max, logits[offset + i]);
        double sum = 0, mean = 0;
        for (int i = 0; i < BINS; i++) {
            double e = Math.exp(logits[offset + i] - max);
            sum += e;
            mean += e * i;
        }
        return mean / sum;
    }
}
