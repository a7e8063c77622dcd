package io.gureum.vision.objects;

import io.gureum.runtime.models.ModelStore;
import io.gureum.runtime.onnx.OnnxModel;
import io.gureum.runtime.onnx.OnnxModels;
import io.gureum.vision.geometry.Box;
import io.gureum.vision.geometry.Nms;
import io.gureum.vision.models.ModelUse;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * COCO object detection as a plain library: {@code nanodet} (the default) or {@code centernet}, picked per
 * request by the model pin. Overlapping boxes of one class are suppressed (IoU above {@value #NMS_IOU}).
 * Thread-safe.
 */
public final class ObjectDetection implements AutoCloseable {
    public static final String TASK = "object-detection";
    private static final double NMS_IOU = 0.5;

    private final OnnxModels models;
    private final Map<String, ObjectDetector> detectors = new ConcurrentHashMap<>();

    public ObjectDetection(ModelStore store, OnnxModel.Options options) {
        this.models = new OnnxModels(store, options);
    }

    /**
     * @throws io.gureum.core.Problem {@code unknown_model} (404), {@code model_not_installed} (503)
     */
    public ObjectAnalysis detect(BufferedImage image, ObjectOptions options) {
        OnnxModels.Loaded loaded = models.get(TASK, options.model());
        ObjectDetector detector = detectors.computeIfAbsent(loaded.installed().card().ref(), k -> detectorFor(loaded));
        List<DetectedObject> candidates = detector.detect(image, options.minConfidence());
        // per-class suppression: a person on a chair keeps both boxes
        Map<Integer, List<DetectedObject>> byClass = new java.util.TreeMap<>();
        for (DetectedObject o : candidates) byClass.computeIfAbsent(o.classId(), k -> new ArrayList<>()).add(o);
        List<DetectedObject> kept = new ArrayList<>();
        for (List<DetectedObject> same : byClass.values()) {
            kept.addAll(Nms.suppress(same, DetectedObject::box, DetectedObject::confidence, NMS_IOU, options.maxObjects()));
        }
        kept.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
        List<DetectedObject> result = new ArrayList<>();
        for (DetectedObject o : kept.subList(0, Math.min(kept.size(), options.maxObjects()))) {
            Box box = o.box().clip(image.getWidth(), image.getHeight()).rounded();
            if (box.area() <= 0) continue;
            result.add(new DetectedObject(o.label(), o.classId(), Math.round(o.confidence() * 1000) / 1000.0, box));
        }
        return new ObjectAnalysis(image.getWidth(), image.getHeight(), result,
                List.of(new ModelUse(loaded.task(), loaded.id(), loaded.version())));
    }

    /** Loads the default model and runs it once. */
    public void warmUp() {
        detect(io.gureum.vision.image.BgrImages.create(320, 240), ObjectOptions.defaults());
    }

    private static ObjectDetector detectorFor(OnnxModels.Loaded loaded) {
        return switch (loaded.id()) {
            case "nanodet" -> new NanoDet(loaded.model());
            case "centernet" -> new CenterNet(loaded.model());
            default -> throw new IllegalStateException("no decoder for object-detection pack '" + loaded.id() + "'");
        };
    }

    @Override
    public void close() {
        models.close();
    }
}
