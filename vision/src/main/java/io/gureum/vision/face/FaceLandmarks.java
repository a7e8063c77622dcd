package io.gureum.vision.face;

import io.gureum.vision.geometry.Point;

/**
 * The six keypoints BlazeFace finds. Left and right are as seen in the image (the viewer's left), not the
 * person's own: {@code leftEye} is the eye nearer the image's left edge.
 */
public record FaceLandmarks(Point leftEye, Point rightEye, Point noseTip, Point mouthCenter, Point leftEar, Point rightEar) {

    /** The point between the eyes. */
    public Point eyeCentre() {
        return new Point((leftEye.x() + rightEye.x()) / 2, (leftEye.y() + rightEye.y()) / 2);
    }

    FaceLandmarks rounded() {
        return new FaceLandmarks(round(leftEye), round(rightEye), round(noseTip), round(mouthCenter), round(leftEar), round(rightEar));
    }

    private static Point round(Point p) {
        return new Point(Math.round(p.x() * 10) / 10.0, Math.round(p.y() * 10) / 10.0);
    }
}
