package io.gureum.core;

import java.util.Arrays;
import java.util.List;

/**
 * How far recognised text is from the truth, as OCR evaluations measure it: character error rate (CER) and
 * word error rate (WER), each the Levenshtein distance (insertions, deletions, substitutions, cost 1) divided
 * by the length of the truth (OCR and speech evaluations both use them). Whitespace runs count as one space and ends are trimmed, so layout differences
 * (line breaks, double spaces) are not errors; characters are Unicode code points.
 */
public final class TextDistance {
    private TextDistance() {}

    public static double characterErrorRate(String truth, String recognised) {
        int[] t = normalise(truth).codePoints().toArray();
        int[] r = normalise(recognised).codePoints().toArray();
        if (t.length == 0) return r.length == 0 ? 0 : 1;
        return (double) levenshtein(t, r) / t.length;
    }

    public static double wordErrorRate(String truth, String recognised) {
        List<String> t = words(truth);
        if (t.isEmpty()) return words(recognised).isEmpty() ? 0 : 1;
        return (double) wordErrors(truth, recognised) / t.size();
    }

    /**
     * Word insertions, deletions and substitutions between the two: summed over utterances and divided by
     * the summed {@link #wordCount} of the truths, this is a corpus's WER (what speech evaluations report).
     */
    public static int wordErrors(String truth, String recognised) {
        List<String> t = words(truth);
        List<String> r = words(recognised);
        // words as symbols: map each distinct word to an int
        java.util.Map<String, Integer> ids = new java.util.HashMap<>();
        int[] ti = t.stream().mapToInt(w -> ids.computeIfAbsent(w, k -> ids.size())).toArray();
        int[] ri = r.stream().mapToInt(w -> ids.computeIfAbsent(w, k -> ids.size())).toArray();
        return levenshtein(ti, ri);
    }

    public static int wordCount(String text) {
        return words(text).size();
    }

    static String normalise(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    private static List<String> words(String s) {
        String n = normalise(s);
        return n.isEmpty() ? List.of() : Arrays.asList(n.split(" "));
    }

    /** Edit distance in O(|b|) memory. */
    static int levenshtein(int[] a, int[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) previous[j] = j;
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length];
    }
}
