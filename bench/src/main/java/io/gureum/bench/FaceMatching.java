package io.gureum.bench;

import io.gureum.vision.geometry.Box;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How detections are scored against the ground truth of one image. Every (truth, detection) pair with
 * IoU &ge; {@link #MIN_IOU} is a candidate; candidates are taken greedily, highest IoU first, each truth and each
 * detection used at most once (so two boxes on one face count one match and one false positive). A truth left
 * unmatched is a miss, a detection left unmatched a false positive.
 *
 * <p>IoU 0.3 rather than PASCAL's 0.5: the detectors compared draw faces differently (BlazeFace from brow to chin,
 * the Haar cascade a square whose size steps with its scale pyramid), and the question here is whether a face was
 * found, not how tightly its box was drawn. 0.3 still rejects a box on a neighbouring head or on a whole head.
 */
final class FaceMatching {
    static final double MIN_IOU = 0.3;

    /**
     * The score of one image.
     *
     * @param found      per ground-truth face (in the given order), whether a detection matched it
     * @param detections how many detections there were
     */
    record Result(boolean[] found, int detections) {
        int truths() {
            return found.length;
        }

        int matched() {
            int n = 0;
            for (boolean f : found) if (f) n++;
            return n;
        }

        int falsePositives() {
            return detections - matched();
        }

        /** Adds up the counts of several images (found flags concatenated in order). */
        static Result sum(List<Result> results) {
            int truths = results.stream().mapToInt(Result::truths).sum();
            boolean[] all = new boolean[truths];
            int at = 0;
            int detections = 0;
            for (Result r : results) {
                System.arraycopy(r.found, 0, all, at, r.found.length);
                at += r.found.length;
                detections += r.detections;
            }
            return new Result(all, detections);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && detections == r.detections && Arrays.equals(found, r.found);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(found) + detections;
        }

        @Override
        public String toString() {
            return "Result[found=" + Arrays.toString(found) + ", detections=" + detections + "]";
        }
    }

    private FaceMatching() {}

    static Result match(List<Box> truth, List<Box> detections) {
        return match(truth, detections, MIN_IOU);
    }

    static Result match(List<Box> truth, List<Box> detections, double minIou) {
        record Pair(int truth, int detection, double iou) {}
        List<Pair> pairs = new ArrayList<>();
        for (int t = 0; t < truth.size(); t++) {
            for (int d = 0; d < detections.size(); d++) {
                double iou = truth.get(t).iou(detections.get(d));
                if (iou >= minIou) pairs.add(new Pair(t, d, iou));
            }
        }
        // highest IoU first; ties by index, so the result does not depend on the sort's stability
        pairs.sort(Comparator.comparingDouble(Pair::iou).reversed().thenComparingInt(Pair::truth).thenComparingInt(Pair::detection));
        boolean[] found = new boolean[truth.size()];
        boolean[] used = new boolean[detections.size()];
        for (Pair p : pairs) {
            if (found[p.truth()] || used[p.detection()]) continue;
            found[p.truth()] = true;
            used[p.detection()] = true;
        }
        return new Result(found, detections.size());
    }
}
