package io.gureum.language.translation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * chrF, the character n-gram F-score of machine translation (Popović 2015), computed as sacreBLEU 2 does by default
 * ({@code CHRF()}: character n-grams up to 6, no word n-grams, beta 2, whitespace removed, case kept, no epsilon
 * smoothing), so that figures compare with published ones: corpus scores sum the n-gram statistics of every
 * segment, then average precision and recall over the orders that have n-grams, then take the F-beta score.
 *
 * <p>Characters are Unicode code points, as Python's strings count them; whitespace is what Python's
 * {@code str.split()} splits on. Scores are 0-100. Thread-safe and stateless.
 */
public final class ChrF {
    public static final int CHAR_ORDER = 6;
    public static final double BETA = 2;

    private ChrF() {}

    /** The corpus score of hypotheses against one reference each (same order, same number). */
    public static double corpus(List<String> hypotheses, List<String> references) {
        if (hypotheses.size() != references.size()) {
            throw new IllegalArgumentException(hypotheses.size() + " hypotheses but " + references.size() + " references");
        }
        long[] statistics = new long[3 * CHAR_ORDER];
        for (int i = 0; i < hypotheses.size(); i++) add(statistics, hypotheses.get(i), references.get(i));
        return score(statistics);
    }

    /** The score of one segment. */
    public static double sentence(String hypothesis, String reference) {
        long[] statistics = new long[3 * CHAR_ORDER];
        add(statistics, hypothesis, reference);
        return score(statistics);
    }

    /** Adds, per order n: hypothesis n-grams, reference n-grams, and matches (the smaller count of each n-gram). */
    private static void add(long[] statistics, String hypothesis, String reference) {
        int[] hyp = withoutWhitespace(hypothesis);
        int[] ref = withoutWhitespace(reference);
        for (int n = 1; n <= CHAR_ORDER; n++) {
            Map<NGram, Integer> hypCounts = counts(hyp, n);
            Map<NGram, Integer> refCounts = counts(ref, n);
            long matches = 0;
            for (Map.Entry<NGram, Integer> e : hypCounts.entrySet()) {
                Integer inRef = refCounts.get(e.getKey());
                if (inRef != null) matches += Math.min(e.getValue(), inRef);
            }
            statistics[3 * (n - 1)] += Math.max(0, hyp.length - n + 1);
            statistics[3 * (n - 1) + 1] += Math.max(0, ref.length - n + 1);
            statistics[3 * (n - 1) + 2] += matches;
        }
    }

    /** sacreBLEU's {@code _compute_f_score} without epsilon smoothing (its default). */
    private static double score(long[] statistics) {
        double precision = 0;
        double recall = 0;
        int effectiveOrder = 0;
        for (int i = 0; i < CHAR_ORDER; i++) {
            long hyp = statistics[3 * i];
            long ref = statistics[3 * i + 1];
            long matches = statistics[3 * i + 2];
            if (hyp > 0 && ref > 0) {
                precision += (double) matches / hyp;
                recall += (double) matches / ref;
                effectiveOrder++;
            }
        }
        if (effectiveOrder == 0) return 0;
        precision /= effectiveOrder;
        recall /= effectiveOrder;
        if (precision + recall == 0) return 0;
        double betaSquared = BETA * BETA;
        return 100 * (1 + betaSquared) * precision * recall / (betaSquared * precision + recall);
    }

    private static Map<NGram, Integer> counts(int[] codePoints, int n) {
        Map<NGram, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= codePoints.length; i++) counts.merge(new NGram(codePoints, i, n), 1, Integer::sum);
        return counts;
    }

    /** The code points of a text without its whitespace ({@code ''.join(line.split())}). */
    private static int[] withoutWhitespace(String text) {
        return text.codePoints().filter(c -> !isPythonWhitespace(c)).toArray();
    }

    /** Python's {@code str.isspace()}: Java's whitespace plus the no-break spaces (Zs) and NEL (U+0085). */
    private static boolean isPythonWhitespace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
    }

    /** A window of code points, compared by content without copying. */
    private record NGram(int[] text, int start, int length) {
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof NGram other) || other.length != length) return false;
            for (int i = 0; i < length; i++) if (text[start + i] != other.text[other.start + i]) return false;
            return true;
        }

        @Override
        public int hashCode() {
            int h = length;
            for (int i = 0; i < length; i++) h = 31 * h + text[start + i];
            return h;
        }
    }
}
