package io.gureum.vision.ocr.paddle;

import io.gureum.vision.geometry.Point;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns DB's text probability map into boxes, as PaddleOCR's {@code DBPostProcess} (box type "quad") does:
 * binarise, take each 8-connected region (OpenCV's contours), its minimum-area rectangle, drop it if thin
 * or if the mean probability inside is low, then grow it back by the margin DB's training shrank text by
 * ("unclip") and scale to the page.
 */
final class DbPostProcess {
    /** Pixels above this probability are text. */
    static final float BINARY_THRESHOLD = 0.3f;
    /** A box's mean probability must reach this. */
    static final double BOX_THRESHOLD = 0.6;
    /** DB shrank text regions by {@code area * (1 - r^2) / perimeter} in training; this grows them back. */
    static final double UNCLIP_RATIO = 1.5;
    /** Boxes thinner than this (map pixels) are noise. */
    static final double MIN_SIDE = 3;

    private DbPostProcess() {}

    /** A detected region: its four corners in page pixels (side order, not yet reading order) and its score. */
    record Region(Point[] corners, double score) {}

    /**
     * @param prob   the map, {@code mapWidth x mapHeight}, row-major
     * @param scaleX page pixels per map pixel, horizontally
     */
    static List<Region> regions(float[] prob, int mapWidth, int mapHeight, double scaleX, double scaleY,
                                int pageWidth, int pageHeight) {
        int n = mapWidth * mapHeight;
        // label 0 = background or not yet visited, -1 = text not yet visited, >0 = visited
        int[] label = new int[n];
        for (int i = 0; i < n; i++) if (prob[i] > BINARY_THRESHOLD) label[i] = -1;
        int[] stack = new int[n];
        int[] members = new int[n];
        List<Region> regions = new ArrayList<>();
        int next = 0;
        for (int seed = 0; seed < n; seed++) {
            if (label[seed] != -1) continue;
            int id = ++next;
            int count = flood(label, mapWidth, mapHeight, seed, id, stack, members);
            Region r = region(prob, mapWidth, members, count, scaleX, scaleY, pageWidth, pageHeight);
            if (r != null) regions.add(r);
        }
        return regions;
    }

    /** Fills the 8-connected region from {@code seed}; returns its size with its pixels in {@code members}. */
    private static int flood(int[] label, int w, int h, int seed, int id, int[] stack, int[] members) {
        int top = 0, count = 0;
        stack[top++] = seed;
        label[seed] = id;
        while (top > 0) {
            int p = stack[--top];
            members[count++] = p;
            int x = p % w, y = p / w;
            for (int dy = -1; dy <= 1; dy++) {
                int ny = y + dy;
                if (ny < 0 || ny >= h) continue;
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = x + dx;
                    if (nx < 0 || nx >= w) continue;
                    int q = ny * w + nx;
                    if (label[q] == -1) {
                        label[q] = id;
                        stack[top++] = q;
                    }
                }
            }
        }
        return count;
    }

    private static Region region(float[] prob, int w, int[] members, int count, double scaleX, double scaleY,
                                 int pageWidth, int pageHeight) {
        // only each row's two ends can be on the hull: the rectangle needs no more
        int minY = Integer.MAX_VALUE, maxY = -1;
        for (int i = 0; i < count; i++) {
            int y = members[i] / w;
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        int rows = maxY - minY + 1;
        int[] left = new int[rows], right = new int[rows];
        java.util.Arrays.fill(left, Integer.MAX_VALUE);
        java.util.Arrays.fill(right, -1);
        for (int i = 0; i < count; i++) {
            int x = members[i] % w, r = members[i] / w - minY;
            left[r] = Math.min(left[r], x);
            right[r] = Math.max(right[r], x);
        }
        double[] xs = new double[2 * rows], ys = new double[2 * rows];
        int k = 0;
        for (int r = 0; r < rows; r++) {
            xs[k] = left[r];
            ys[k++] = minY + r;
            if (right[r] != left[r]) {
                xs[k] = right[r];
                ys[k++] = minY + r;
            }
        }
        RotatedRect box = RotatedRect.minAreaOf(xs, ys, k);
        if (box.shortSide() < MIN_SIDE) return null;
        Point[] corners = box.corners(1, 1);
        double score = meanInside(prob, w, prob.length / w, corners);
        if (score < BOX_THRESHOLD) return null;
        RotatedRect grown = box.grown(box.area() * UNCLIP_RATIO / box.perimeter());
        if (grown.shortSide() < MIN_SIDE + 2) return null;
        Point[] page = grown.corners(scaleX, scaleY);
        for (int i = 0; i < 4; i++) {
            page[i] = new Point(clamp(page[i].x(), pageWidth), clamp(page[i].y(), pageHeight));
        }
        return new Region(page, score);
    }

    /** Mean probability of the map pixels whose centres lie in the convex quadrilateral (PaddleOCR's fast score). */
    static double meanInside(float[] prob, int w, int h, Point[] q) {
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (Point p : q) {
            minX = Math.min(minX, p.x());
            maxX = Math.max(maxX, p.x());
            minY = Math.min(minY, p.y());
            maxY = Math.max(maxY, p.y());
        }
        int x0 = Math.max(0, (int) Math.floor(minX)), x1 = Math.min(w - 1, (int) Math.ceil(maxX));
        int y0 = Math.max(0, (int) Math.floor(minY)), y1 = Math.min(h - 1, (int) Math.ceil(maxY));
        double sum = 0;
        int count = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if (inside(q, x, y)) {
                    sum += prob[y * w + x];
                    count++;
                }
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    /** Inside or on the edge of a convex polygon given in either winding. */
    private static boolean inside(Point[] q, double x, double y) {
        boolean neg = false, pos = false;
        for (int i = 0; i < q.length; i++) {
            Point a = q[i], b = q[(i + 1) % q.length];
            double c = (b.x() - a.x()) * (y - a.y()) - (b.y() - a.y()) * (x - a.x());
            if (c < -1e-9) neg = true;
            if (c > 1e-9) pos = true;
            if (neg && pos) return false;
        }
        return true;
    }

    private static double clamp(double v, double max) {
        return Math.max(0, Math.min(max, v));
    }
}
