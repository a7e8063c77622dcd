package io.gureum.vision.face;

import io.gureum.vision.geometry.Point;
import io.gureum.vision.geometry.SimilarityTransform;
import io.gureum.vision.image.ImageTensors;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Cuts a face out upright and at a standard size: the similarity transform taking the eyes, nose tip and
 * mouth centre closest to where they sit in the usual 112x112 ArcFace crop, scaled to the model's input.
 * Recognition models expect exactly that framing; attribute models, trained on looser crops, get the
 * same alignment zoomed out.
 */
final class FaceAligner {
    /** Eye (left and right in the image), nose tip and mouth centre in the 112x112 ArcFace template. */
    private static final double[][] TEMPLATE = {
            {38.2946, 51.6963}, {73.5318, 51.5014}, {56.0252, 71.7366}, {56.1396, 92.2848}};
    private static final double TEMPLATE_SIZE = 112;
    private static final int PAD_RGB = 0x000000;

    private FaceAligner() {}

    /**
     * @param size output side in pixels
     * @param zoom 1 for the ArcFace framing; below 1 shows more around the face (0.8: 25% wider)
     */
    static BufferedImage align(BufferedImage image, FaceLandmarks landmarks, int size, double zoom) {
        return ImageTensors.warpAffine(image, toImage(landmarks, size, zoom).matrix(), size, size, PAD_RGB);
    }

    /** The transform from crop pixels to image pixels. */
    static SimilarityTransform toImage(FaceLandmarks landmarks, int size, double zoom) {
        List<Point> detected = List.of(landmarks.leftEye(), landmarks.rightEye(), landmarks.noseTip(), landmarks.mouthCenter());
        double k = zoom * size / TEMPLATE_SIZE;
        List<Point> template = java.util.Arrays.stream(TEMPLATE)
                .map(p -> new Point((p[0] - TEMPLATE_SIZE / 2) * k + size / 2.0, (p[1] - TEMPLATE_SIZE / 2) * k + size / 2.0))
                .toList();
        return SimilarityTransform.fit(template, detected);
    }
}
