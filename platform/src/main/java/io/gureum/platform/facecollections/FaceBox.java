package io.gureum.platform.facecollections;

import io.gureum.core.Problem;

/**
 * Where an enrolled face was in its source image, in that image's pixels. x and y may be negative:
 * detectors put boxes partly outside the frame for faces cut by the edge.
 */
public record FaceBox(int x, int y, int width, int height) {
    public FaceBox {
        if (width < 1 || height < 1) throw Problem.invalid("face box width and height must be at least 1 pixel");
    }
}
