package io.gureum.vision.ocr.paddle;

import io.gureum.vision.geometry.Point;

/**
 * A rectangle at any angle: centre, side lengths and the unit direction of its first side. DB's boxes are
 * the minimum-area rectangles of text regions (OpenCV's {@code minAreaRect}), found here by rotating calipers
 * over the convex hull: the minimum rectangle has a side on a hull edge, so trying each edge is exact.
 */
record RotatedRect(double cx, double cy, double width, double height, double ux, double uy) {

    double shortSide() {
        return Math.min(width, height);
    }

    double area() {
        return width * height;
    }

    double perimeter() {
        return 2 * (width + height);
    }

    /** Grown by {@code d} on every side: what offsetting it outwards by {@code d} gives, as a rectangle. */
    RotatedRect grown(double d) {
        return new RotatedRect(cx, cy, width + 2 * d, height + 2 * d, ux, uy);
    }

    /** The four corners, each scaled by (sx, sy): in the order of the sides, not yet as text is read. */
    Point[] corners(double sx, double sy) {
        double hx = ux * width / 2, hy = uy * width / 2; // half of the first side
        double vx = -uy * height / 2, vy = ux * height / 2; // half of the second side
        return new Point[] {
                new Point((cx - hx - vx) * sx, (cy - hy - vy) * sy),
                new Point((cx + hx - vx) * sx, (cy + hy - vy) * sy),
                new Point((cx + hx + vx) * sx, (cy + hy + vy) * sy),
                new Point((cx - hx + vx) * sx, (cy - hy + vy) * sy)};
    }

    /**
     * The minimum-area rectangle around the points {@code xs[i], ys[i]} ({@code n} of them).
     * Degenerate input (one point, a line) gives a rectangle with a zero side.
     */
    static RotatedRect minAreaOf(double[] xs, double[] ys, int n) {
        int[] hull = convexHull(xs, ys, n);
        int h = hull.length;
        if (h == 1) return new RotatedRect(xs[hull[0]], ys[hull[0]], 0, 0, 1, 0);
        RotatedRect best = null;
        double bestArea = Double.MAX_VALUE;
        for (int i = 0; i < h; i++) {
            int a = hull[i], b = hull[(i + 1) % h];
            double ex = xs[b] - xs[a], ey = ys[b] - ys[a];
            double len = Math.hypot(ex, ey);
            if (len == 0) continue;
            ex /= len;
            ey /= len;
            double minU = Double.MAX_VALUE, maxU = -Double.MAX_VALUE, minV = Double.MAX_VALUE, maxV = -Double.MAX_VALUE;
            for (int k : hull) {
                double u = xs[k] * ex + ys[k] * ey;
                double v = -xs[k] * ey + ys[k] * ex;
                minU = Math.min(minU, u);
                maxU = Math.max(maxU, u);
                minV = Math.min(minV, v);
                maxV = Math.max(maxV, v);
            }
            double area = (maxU - minU) * (maxV - minV);
            if (area < bestArea) {
                bestArea = area;
                double cu = (minU + maxU) / 2, cv = (minV + maxV) / 2;
                best = new RotatedRect(cu * ex - cv * ey, cu * ey + cv * ex, maxU - minU, maxV - minV, ex, ey);
            }
        }
        return best;
    }

    /** Andrew's monotone chain: indices of the hull, counter-clockwise in y-up terms, no collinear points. */
    static int[] convexHull(double[] xs, double[] ys, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> xs[a] != xs[b] ? Double.compare(xs[a], xs[b]) : Double.compare(ys[a], ys[b]));
        if (n == 1) return new int[] {order[0]};
        int[] hull = new int[2 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            while (k >= 2 && cross(xs, ys, hull[k - 2], hull[k - 1], order[i]) <= 0) k--;
            hull[k++] = order[i];
        }
        for (int i = n - 2, lower = k + 1; i >= 0; i--) {
            while (k >= lower && cross(xs, ys, hull[k - 2], hull[k - 1], order[i]) <= 0) k--;
            hull[k++] = order[i];
        }
        int size = Math.max(1, k - 1); // the last point repeats the first
        return java.util.Arrays.copyOf(hull, size);
    }

    private static double cross(double[] xs, double[] ys, int o, int a, int b) {
        return (xs[a] - xs[o]) * (ys[b] - ys[o]) - (ys[a] - ys[o]) * (xs[b] - xs[o]);
    }
}
