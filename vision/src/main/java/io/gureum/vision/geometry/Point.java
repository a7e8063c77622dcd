package io.gureum.vision.geometry;

/** A point in image pixels: x to the right, y down, from the top-left corner of the (upright) image. */
public record Point(double x, double y) {
    public double distanceTo(Point other) {
        return Math.hypot(x - other.x, y - other.y);
    }
}
