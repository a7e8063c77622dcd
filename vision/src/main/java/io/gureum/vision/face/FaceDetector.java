package io.gureum.vision.face;

import io.gureum.runtime.onnx.OnnxModel;
import io.gureum.vision.geometry.Box;
import io.gureum.vision.geometry.Point;
import io.gureum.vision.image.BgrImages;
import io.gureum.vision.image.ImageTensors;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds faces of any size from {@code minFaceSize} pixels to the full frame with BlazeFace, whose input is
 * only 256x256. The whole image is searched once, scaled down to fit; when smaller faces are wanted the
 * image is also searched at finer scales, each cut into overlapping 256x256 tiles. Scales are
 * {@value #SCALE_STEP}x apart and each is trusted only for the face sizes the coarser one cannot see, so a
 * face is found whole in some tile (tiles overlap by more than the largest face a fine scale keeps).
 * Overlapping detections, from neighbouring anchors or from several scales, are merged by a
 * score-weighted average as MediaPipe does, which steadies boxes and landmarks.
 */
public final class FaceDetector {
    /** The smallest face side, in model pixels, that BlazeFace full-range finds reliably. */
    static final double SMALLEST_IN_MODEL = 20;
    private static final double SCALE_STEP = 3;
    /** Tile overlap in model pixels: more than the largest face a fine scale is trusted with (3 x 20). */
    private static final int OVERLAP = 80;
    private static final double MERGE_IOU = 0.3;
    private static final int PAD_RGB = 0x000000;

    private final BlazeFace blazeFace;

    public FaceDetector(OnnxModel blazeFaceModel) {
        this.blazeFace = new BlazeFace(blazeFaceModel);
    }

    /** A face as the detector sees it: box, score and six keypoints in source-image pixels. */
    public record Detection(Box box, double score, FaceLandmarks landmarks) {}

    /**
     * @param image         packed BGR
     * @param minFaceSize   the smallest face side to look for, in image pixels
     * @param minConfidence scores below this are dropped
     * @param maxFaces      at most this many, the most confident
     */
    public List<Detection> detect(BufferedImage image, int minFaceSize, double minConfidence, int maxFaces) {
        int w = image.getWidth(), h = image.getHeight();
        double wholeScale = (double) BlazeFace.INPUT / Math.max(w, h);
        List<Candidate> candidates = new ArrayList<>();
        searchWhole(image, wholeScale, minConfidence, candidates);
        // finer scales, from the one that shows minFaceSize at the model's smallest size, coarsening by SCALE_STEP
        double finest = SMALLEST_IN_MODEL / minFaceSize;
        for (double scale = finest; scale > wholeScale * 1.25; scale /= SCALE_STEP) {
            double largestTrusted = SMALLEST_IN_MODEL * SCALE_STEP / scale; // in source pixels; bigger ones come from coarser scales
            searchTiles(image, scale, largestTrusted, minConfidence, candidates);
        }
        List<Detection> merged = merge(candidates);
        List<Detection> kept = new ArrayList<>();
        for (Detection d : merged) {
            if (Math.max(d.box().width(), d.box().height()) < minFaceSize * 0.8) continue;
            kept.add(new Detection(d.box().clip(w, h), d.score(), d.landmarks()));
            if (kept.size() == maxFaces) break;
        }
        return kept;
    }

    /** A raw detection in source pixels, before merging. */
    private record Candidate(Box box, double score, Point[] keypoints) {}

    private void searchWhole(BufferedImage image, double scale, double minConfidence, List<Candidate> out) {
        var letterbox = ImageTensors.letterbox(image, BlazeFace.INPUT, BlazeFace.INPUT, PAD_RGB);
        for (BlazeFace.Raw raw : blazeFace.detect(letterbox.image(), minConfidence)) {
            out.add(new Candidate(
                    Box.fromCorners(letterbox.toSourceX(raw.box().x()), letterbox.toSourceY(raw.box().y()),
                            letterbox.toSourceX(raw.box().right()), letterbox.toSourceY(raw.box().bottom())),
                    raw.score(), map(raw.keypoints(), p -> new Point(letterbox.toSourceX(p.x()), letterbox.toSourceY(p.y())))));
        }
    }

    private void searchTiles(BufferedImage image, double scale, double largestTrusted, double minConfidence, List<Candidate> out) {
        int w = image.getWidth(), h = image.getHeight();
        double tile = BlazeFace.INPUT / scale;          // tile side in source pixels
        double stride = (BlazeFace.INPUT - OVERLAP) / scale;
        List<int[]> origins = new ArrayList<>();
        for (double ty : starts(h, tile, stride)) {
            for (double tx : starts(w, tile, stride)) origins.add(new int[] {(int) Math.floor(tx), (int) Math.floor(ty)});
        }
        int side = (int) Math.ceil(tile);
        // tiles are independent: on several cores they run side by side (the session is thread-safe)
        List<Candidate> found = origins.parallelStream()
                .flatMap(o -> searchTile(image, o[0], o[1], side, largestTrusted, minConfidence).stream())
                .toList();
        out.addAll(found);
    }

    private List<Candidate> searchTile(BufferedImage image, int x0, int y0, int side, double largestTrusted, double minConfidence) {
        int w = image.getWidth(), h = image.getHeight();
        BufferedImage input = ImageTensors.resize(ImageTensors.crop(image, x0, y0, side, side, PAD_RGB), BlazeFace.INPUT, BlazeFace.INPUT);
        double k = (double) side / BlazeFace.INPUT;
        List<Candidate> found = new ArrayList<>();
        for (BlazeFace.Raw raw : blazeFace.detect(input, minConfidence)) {
            Box box = new Box(x0 + raw.box().x() * k, y0 + raw.box().y() * k, raw.box().width() * k, raw.box().height() * k);
            if (Math.max(box.width(), box.height()) > largestTrusted) continue;
            if (cutByInnerEdge(box, x0, y0, side, w, h)) continue;
            found.add(new Candidate(box, raw.score(), map(raw.keypoints(), p -> new Point(x0 + p.x() * k, y0 + p.y() * k))));
        }
        return found;
    }

    /** Tile origins covering {@code [0, length)}: every {@code stride}, the last one flush with the end. */
    private static List<Double> starts(int length, double tile, double stride) {
        List<Double> starts = new ArrayList<>();
        if (tile >= length) {
            starts.add((length - tile) / 2);
            return starts;
        }
        for (double s = 0; ; s += stride) {
            if (s + tile >= length) {
                starts.add(length - tile);
                return starts;
            }
            starts.add(s);
        }
    }

    /** Whether a box reaches a tile edge that is not also the image's edge: the face may continue into the next tile. */
    private static boolean cutByInnerEdge(Box box, int x0, int y0, int side, int w, int h) {
        double margin = 1;
        return (box.x() < x0 + margin && x0 > 0)
                || (box.y() < y0 + margin && y0 > 0)
                || (box.right() > x0 + side - margin && x0 + side < w)
                || (box.bottom() > y0 + side - margin && y0 + side < h);
    }

    /** Weighted merging: each cluster of boxes overlapping the best remaining one becomes their score-weighted mean. */
    private static List<Detection> merge(List<Candidate> candidates) {
        List<Candidate> remaining = new ArrayList<>(candidates);
        remaining.sort(Comparator.comparingDouble(Candidate::score).reversed());
        List<Detection> merged = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Candidate best = remaining.get(0);
            double sum = 0, x1 = 0, y1 = 0, x2 = 0, y2 = 0;
            double[] kx = new double[6], ky = new double[6];
            List<Candidate> rest = new ArrayList<>();
            for (Candidate c : remaining) {
                if (c.box().iou(best.box()) > MERGE_IOU) {
                    double wgt = c.score();
                    sum += wgt;
                    x1 += wgt * c.box().x();
                    y1 += wgt * c.box().y();
                    x2 += wgt * c.box().right();
                    y2 += wgt * c.box().bottom();
                    for (int k = 0; k < 6; k++) {
                        kx[k] += wgt * c.keypoints()[k].x();
                        ky[k] += wgt * c.keypoints()[k].y();
                    }
                } else {
                    rest.add(c);
                }
            }
            Point[] p = new Point[6];
            for (int k = 0; k < 6; k++) p[k] = new Point(kx[k] / sum, ky[k] / sum);
            // MediaPipe's keypoints: 0 the person's right eye (left in the image), 1 left eye, 2 nose tip,
            // 3 mouth centre, 4 right ear tragion (left in the image), 5 left ear tragion
            merged.add(new Detection(Box.fromCorners(x1 / sum, y1 / sum, x2 / sum, y2 / sum), best.score(),
                    new FaceLandmarks(p[0], p[1], p[2], p[3], p[4], p[5])));
            remaining = rest;
        }
        return merged;
    }

    private static Point[] map(Point[] points, java.util.function.UnaryOperator<Point> f) {
        Point[] out = new Point[points.length];
        for (int i = 0; i < points.length; i++) out[i] = f.apply(points[i]);
        return out;
    }
}
