package io.gureum.vision.geometry;

/** An axis-aligned rectangle in image pixels: top-left corner ({@code x}, {@code y}) and size. */
public record Box(double x, double y, double width, double height) {

    public static Box fromCorners(double x1, double y1, double x2, double y2) {
        return new Box(x1, y1, x2 - x1, y2 - y1);
    }

    public static Box fromCentre(double cx, double cy, double width, double height) {
        return new Box(cx - width / 2, cy - height / 2, width, height);
    }

    public double right() { return x + width; }

    public double bottom() { return y + height; }

    public double centreX() { return x + width / 2; }

    public double centreY() { return y + height / 2; }

    public double area() { return Math.max(0, width) * Math.max(0, height); }

    /** Intersection over union, 0 when they do not overlap. */
    public double iou(Box other) {
        double iw = Math.min(right(), other.right()) - Math.max(x, other.x);
        double ih = Math.min(bottom(), other.bottom()) - Math.max(y, other.y);
        if (iw <= 0 || ih <= 0) return 0;
        double inter = iw * ih;
        return inter / (area() + other.area() - inter);
    }

    /** The part inside {@code [0, width] x [0, height]}. */
    public Box clip(double imageWidth, double imageHeight) {
        double x1 = Math.max(0, Math.min(imageWidth, x));
        double y1 = Math.max(0, Math.min(imageHeight, y));
        double x2 = Math.max(0, Math.min(imageWidth, right()));
        double y2 = Math.max(0, Math.min(imageHeight, bottom()));
        return fromCorners(x1, y1, x2, y2);
    }

    /** The same box with coordinates rounded to whole pixels (what the API returns). */
    public Box rounded() {
        double x1 = Math.round(x);
        double y1 = Math.round(y);
        return fromCorners(x1, y1, Math.round(right()), Math.round(bottom()));
    }
}
