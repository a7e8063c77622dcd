package io.gureum.vision.objects;

import java.awt.image.BufferedImage;
import java.util.List;

/** One detector architecture's pre- and post-processing around its model; boxes in source pixels. */
interface ObjectDetector {
    /** Candidates at or above {@code minConfidence}, not yet suppressed across classes. */
    List<DetectedObject> detect(BufferedImage image, double minConfidence);
}
