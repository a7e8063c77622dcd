package io.gureum.vision.geometry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.Function;

/** Greedy non-maximum suppression: keep the best-scoring box, drop those overlapping it too much, repeat. */
public final class Nms {
    private Nms() {}

    /**
     * @param candidates  detections in any order
     * @param box         a detection's box
     * @param score       a detection's score (higher is better)
     * @param maxIou      a box overlapping a kept one by more than this is dropped
     * @param limit       at most this many are kept
     * @return the kept detections, best first
     */
    public static <T> List<T> suppress(List<T> candidates, Function<T, Box> box, ToDoubleFunction<T> score,
                                       double maxIou, int limit) {
        List<T> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(score).reversed());
        List<T> kept = new ArrayList<>();
        List<Box> keptBoxes = new ArrayList<>();
        for (T candidate : sorted) {
            if (kept.size() >= limit) break;
            Box b = box.apply(candidate);
            boolean overlaps = false;
            for (Box k : keptBoxes) {
                if (k.iou(b) > maxIou) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(candidate);
                keptBoxes.add(b);
            }
        }
        return kept;
    }
}
