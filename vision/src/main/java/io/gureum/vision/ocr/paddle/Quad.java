package io.gureum.vision.ocr.paddle;

import io.gureum.vision.geometry.Point;

import java.util.List;

/**
 * Four corners of a text region in page pixels, clockwise from the top-left of the text as read:
 * {@code tl -> tr} runs along the text, {@code tl -> bl} down across it. A strip cut along a quad is
 * an affine image of it, so turning the strip (90 or 180 degrees) is only a relabelling of corners.
 */
record Quad(Point tl, Point tr, Point br, Point bl) {

    List<Point> points() {
        return List.of(tl, tr, br, bl);
    }

    /** Length along the text (the longer of the two edges, as PaddleOCR's crop does). */
    double width() {
        return Math.max(tl.distanceTo(tr), bl.distanceTo(br));
    }

    /** Length across the text. */
    double height() {
        return Math.max(tl.distanceTo(bl), tr.distanceTo(br));
    }

    /** The same region with the text turned a quarter counter-clockwise (how PaddleOCR reads tall crops). */
    Quad turnedCounterClockwise() {
        return new Quad(tr, br, bl, tl);
    }

    /** The same region read upside down. */
    Quad flipped() {
        return new Quad(br, bl, tl, tr);
    }

    /**
     * The page point at fraction {@code (u, v)} of the quad ({@code u} along the text, {@code v} across it),
     * by the affine map through {@code tl}, {@code tr} and {@code bl} (exact for the rectangles DB detects).
     */
    Point at(double u, double v) {
        return new Point(tl.x() + (tr.x() - tl.x()) * u + (bl.x() - tl.x()) * v,
                tl.y() + (tr.y() - tl.y()) * u + (bl.y() - tl.y()) * v);
    }

    /** The row-major 2x3 matrix from a {@code width x height} strip's pixel coordinates to page coordinates. */
    double[] stripToPage(int width, int height) {
        return new double[] {
                (tr.x() - tl.x()) / width, (bl.x() - tl.x()) / height, tl.x(),
                (tr.y() - tl.y()) / width, (bl.y() - tl.y()) / height, tl.y()};
    }

    Point centre() {
        return new Point((tl.x() + tr.x() + br.x() + bl.x()) / 4, (tl.y() + tr.y() + br.y() + bl.y()) / 4);
    }

    /**
     * PaddleOCR's corner order for a box of unknown orientation: by x, the left pair's upper point is the
     * top-left and lower the bottom-left; likewise on the right.
     */
    static Quad ordered(Point[] p) {
        Point[] s = p.clone();
        java.util.Arrays.sort(s, (a, b) -> Double.compare(a.x(), b.x()));
        Point tl = s[0].y() <= s[1].y() ? s[0] : s[1];
        Point bl = s[0].y() <= s[1].y() ? s[1] : s[0];
        Point tr = s[2].y() <= s[3].y() ? s[2] : s[3];
        Point br = s[2].y() <= s[3].y() ? s[3] : s[2];
        return new Quad(tl, tr, br, bl);
    }
}
