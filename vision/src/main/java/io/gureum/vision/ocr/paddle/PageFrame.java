package io.gureum.vision.ocr.paddle;

import io.gureum.vision.geometry.Point;
import io.gureum.vision.image.BgrImages;

import java.awt.image.BufferedImage;

/**
 * A page as given and the same page upright: its text was turned {@code rotation} degrees clockwise
 * (0, 90, 180, 270). Points map both ways in continuous pixel coordinates, so nothing is resampled: strips
 * are cut from the page as given along quads whose corners were chosen in the upright frame.
 */
record PageFrame(int width, int height, int rotation) {

    /** An upright-frame point on the page as given. */
    Point toPage(Point p) {
        return switch (rotation) {
            case 0 -> p;
            case 90 -> new Point(width - p.y(), p.x());
            case 180 -> new Point(width - p.x(), height - p.y());
            case 270 -> new Point(p.y(), height - p.x());
            default -> throw new IllegalStateException("rotation " + rotation);
        };
    }

    /** A point of the page as given in the upright frame. */
    Point toUpright(Point p) {
        return switch (rotation) {
            case 0 -> p;
            case 90 -> new Point(p.y(), width - p.x());
            case 180 -> new Point(width - p.x(), height - p.y());
            case 270 -> new Point(height - p.y(), p.x());
            default -> throw new IllegalStateException("rotation " + rotation);
        };
    }

    /** The quad in reading orientation: corners ordered in the upright frame, expressed on the page as given. */
    Quad readingQuad(Point[] pageCorners) {
        Point[] upright = new Point[4];
        for (int i = 0; i < 4; i++) upright[i] = toUpright(pageCorners[i]);
        Quad q = Quad.ordered(upright);
        return new Quad(toPage(q.tl()), toPage(q.tr()), toPage(q.br()), toPage(q.bl()));
    }

    Quad toUpright(Quad q) {
        return new Quad(toUpright(q.tl()), toUpright(q.tr()), toUpright(q.br()), toUpright(q.bl()));
    }

    /** The page turned upright (a lossless pixel shuffle), for detecting text in the direction DB was trained on. */
    BufferedImage upright(BufferedImage page) {
        if (rotation == 0) return page;
        boolean quarter = rotation % 180 != 0;
        int uw = quarter ? height : width, uh = quarter ? width : height;
        BufferedImage out = BgrImages.create(uw, uh);
        byte[] src = BgrImages.pixels(page), dst = BgrImages.pixels(out);
        int o = 0;
        for (int v = 0; v < uh; v++) {
            for (int u = 0; u < uw; u++, o += 3) {
                // the page pixel under the centre of upright pixel (u, v)
                Point p = toPage(new Point(u + 0.5, v + 0.5));
                int s = ((int) p.y() * width + (int) p.x()) * 3;
                dst[o] = src[s];
                dst[o + 1] = src[s + 1];
                dst[o + 2] = src[s + 2];
            }
        }
        return out;
    }
}
