package io.gureum.speech.stt;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Puts a transcript and its reference in one spelling before counting word errors, as speech evaluations do:
 * lower case, punctuation dropped (apostrophes inside words kept), and the title abbreviations that engines write
 * and references spell out ("mr" for "mister") in their spoken form. Applied to every engine alike.
 */
public final class TranscriptNormalizer {
    private static final Map<String, String> SPOKEN = Map.of("mr", "mister", "mrs", "missus", "dr", "doctor");

    private TranscriptNormalizer() {}

    public static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("</?s>", " ")
                .replaceAll("[^\\p{L}\\p{N}']+", " ")
                .replaceAll("(^|\\s)'+|'+(\\s|$)", " ");
        return Arrays.stream(s.trim().split("\\s+"))
                .filter(w -> !w.isEmpty())
                .map(w -> SPOKEN.getOrDefault(w, w))
                .collect(Collectors.joining(" "));
    }
}
