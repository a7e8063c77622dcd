package io.gureum.vision.objects;

import io.gureum.runtime.onnx.OnnxModel;
import io.gureum.vision.geometry.Box;
import io.gureum.vision.image.ImageTensors;
import io.gureum.vision.image.Normalization;
import io.gureum.vision.image.TensorFormat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CenterNet (MobileNetV3, 512x512): the graph already decodes peaks and keeps the top 100, as rows of
 * (x1, y1, x2, y2 in input pixels, score, class); only the scaling back to the image is left.
 */
final class CenterNet implements ObjectDetector {
    private static final int INPUT = 512;
    /** BGR in 0..255, as OpenCV reads images for the original's training (it scored the test photos best). */
    private static final TensorFormat FORMAT = new TensorFormat(TensorFormat.Layout.NHWC, TensorFormat.Channels.BGR, Normalization.NONE);

    private final OnnxModel model;
    private final String input;
    private final String detections;

    CenterNet(OnnxModel model) {
        this.model = model;
        this.input = model.inputNames().iterator().next();
        this.detections = model.outputNames().stream().filter(n -> {
            long[] s = model.shapeOf(n);
            return s.length == 3 && s[2] == 6;
        }).findFirst().orElseThrow(() -> new IllegalStateException(model.name() + " has no [1,100,6] detections output"));
    }

    @Override
    public List<DetectedObject> detect(BufferedImage image, double minConfidence) {
        BufferedImage resized = ImageTensors.resize(image, INPUT, INPUT);
        float[] rows = model.run(Map.of(input, OnnxModel.Input.floats(ImageTensors.toTensor(resized, FORMAT), FORMAT.shape(1, INPUT, INPUT))),
                Set.of(detections)).floats(detections);
        double sx = (double) image.getWidth() / INPUT, sy = (double) image.getHeight() / INPUT;
        List<DetectedObject> found = new ArrayList<>();
        for (int r = 0; r + 6 <= rows.length; r += 6) {
            float score = rows[r + 4];
            int cls = Math.round(rows[r + 5]);
            if (score < minConfidence || cls < 0 || cls >= CocoClasses.NAMES.size()) continue;
            found.add(new DetectedObject(CocoClasses.NAMES.get(cls), cls, score,
                    Box.fromCorners(rows[r] * sx, rows[r + 1] * sy, rows[r + 2] * sx, rows[r + 3] * sy)));
        }
        return found;
    }
}
