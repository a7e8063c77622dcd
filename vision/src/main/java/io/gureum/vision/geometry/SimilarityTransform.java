package io.gureum.vision.geometry;

import java.util.List;

/**
 * A rotation, uniform scale and translation: {@code u = a x - b y + tx}, {@code v = b x + a y + ty}.
 * Used to align faces: {@link #fit} finds the one taking detected landmarks closest (least squares,
 * Umeyama's method without reflection) to a template's points.
 */
public record SimilarityTransform(double a, double b, double tx, double ty) {

    /** The least-squares similarity taking each {@code from[i]} to {@code to[i]}. */
    public static SimilarityTransform fit(List<Point> from, List<Point> to) {
        if (from.size() != to.size() || from.size() < 2) throw new IllegalArgumentException("need two or more point pairs");
        int n = from.size();
        double fx = 0, fy = 0, tx = 0, ty = 0;
        for (int i = 0; i < n; i++) {
            fx += from.get(i).x();
            fy += from.get(i).y();
            tx += to.get(i).x();
            ty += to.get(i).y();
        }
        fx /= n;
        fy /= n;
        tx /= n;
        ty /= n;
        double dot = 0, cross = 0, norm = 0;
        for (int i = 0; i < n; i++) {
            double x = from.get(i).x() - fx, y = from.get(i).y() - fy;
            double u = to.get(i).x() - tx, v = to.get(i).y() - ty;
            dot += x * u + y * v;
            cross += x * v - y * u;
            norm += x * x + y * y;
        }
        if (norm == 0) throw new IllegalArgumentException("the source points coincide");
        double a = dot / norm;
        double b = cross / norm;
        return new SimilarityTransform(a, b, tx - (a * fx - b * fy), ty - (b * fx + a * fy));
    }

    public Point apply(Point p) {
        return new Point(a * p.x() - b * p.y() + tx, b * p.x() + a * p.y() + ty);
    }

    /** The transform undoing this one. */
    public SimilarityTransform inverse() {
        double d = a * a + b * b;
        double ia = a / d, ib = -b / d;
        return new SimilarityTransform(ia, ib, -(ia * tx - ib * ty), -(ib * tx + ia * ty));
    }

    /** The scale factor. */
    public double scale() {
        return Math.hypot(a, b);
    }

    /** As a row-major 2x3 affine matrix {@code [m00 m01 m02; m10 m11 m12]}. */
    public double[] matrix() {
        return new double[] {a, -b, tx, b, a, ty};
    }
}
