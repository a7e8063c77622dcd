package io.gureum.vision.ocr.paddle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Reading order of lines in the upright frame, after Breuel ("Two geometric algorithms for layout analysis",
 * 2002): line {@code a} comes before {@code b} when (1) they overlap horizontally and {@code a} is higher, or
 * (2) {@code a} lies wholly left of {@code b} and no line between them vertically overlaps both horizontally
 * (nothing spans the gutter between them). That partial order reads multi-column pages column by column, with
 * headings and text wrapped round pictures, where sorting rows would interleave columns. Among the lines free to
 * come next, the one continuing the last line's column (overlapping it, nearest below) wins, else the topmost.
 *
 * <p>Extents are line cores: each box less {@value #MARGIN} of its height on every side, since DB's boxes are
 * grown past the ink (neighbouring lines' boxes touch even where the text does not, gutters look narrower).
 */
final class ReadingOrder {
    private static final double MARGIN = 0.2;

    private ReadingOrder() {}

    /** A line's upright core extents. */
    private record Core(int index, double x0, double x1, double cy) {
        boolean overlapsX(Core o) {
            return x0 < o.x1 && o.x0 < x1;
        }
    }

    static <T> List<T> sort(List<T> items, Function<T, Quad> uprightQuad) {
        int n = items.size();
        List<Core> cores = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Quad q = uprightQuad.apply(items.get(i));
            double x0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE;
            for (var p : q.points()) {
                x0 = Math.min(x0, p.x());
                x1 = Math.max(x1, p.x());
            }
            double m = Math.min(MARGIN * q.height(), (x1 - x0) * 0.45);
            cores.add(new Core(i, x0 + m, x1 - m, q.centre().y()));
        }
        cores.sort(Comparator.comparingDouble(Core::cy)); // so "between vertically" is an index range
        boolean[][] before = new boolean[n][n];
        int[] pending = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && precedes(cores, i, j)) {
                    before[i][j] = true;
                    pending[j]++;
                }
            }
        }
        List<T> result = new ArrayList<>();
        boolean[] done = new boolean[n];
        int last = -1;
        for (int k = 0; k < n; k++) {
            int next = pick(cores, pending, done, last);
            done[next] = true;
            for (int j = 0; j < n; j++) if (before[next][j]) pending[j]--;
            result.add(items.get(cores.get(next).index()));
            last = next;
        }
        return result;
    }

    /** Breuel's two rules, for lines {@code i} and {@code j} of the list sorted by height on the page. */
    private static boolean precedes(List<Core> cores, int i, int j) {
        Core a = cores.get(i), b = cores.get(j);
        if (a.overlapsX(b)) return i < j;
        if (a.x1() > b.x0()) return false;
        for (int c = Math.min(i, j) + 1; c < Math.max(i, j); c++) {
            Core between = cores.get(c);
            if (between.cy() > Math.min(a.cy(), b.cy()) && between.cy() < Math.max(a.cy(), b.cy())
                    && between.overlapsX(a) && between.overlapsX(b)) return false;
        }
        return true;
    }

    /**
     * A line all of whose predecessors are read: the one continuing the last line's column if any does, else
     * the topmost. Layouts with a picture and caption between columns can make the rules circular (left column,
     * then the right column above the caption, then the caption, then the left column below it); then the
     * column in progress goes on, as a reader would, else the line waiting on the fewest others.
     */
    private static int pick(List<Core> cores, int[] pending, boolean[] done, int last) {
        int free = -1, freeContinuing = -1, continuing = -1, fewest = -1;
        for (int i = 0; i < cores.size(); i++) {
            if (done[i]) continue;
            boolean continues = last >= 0 && i > last && cores.get(i).overlapsX(cores.get(last));
            if (continues && continuing < 0) continuing = i;
            if (fewest < 0 || pending[i] < pending[fewest]) fewest = i;
            if (pending[i] > 0) continue;
            if (free < 0) free = i; // sorted by height: the topmost
            if (continues && freeContinuing < 0) freeContinuing = i;
        }
        if (freeContinuing >= 0) return freeContinuing;
        if (free >= 0) return free;
        return continuing >= 0 ? continuing : fewest;
    }
}
