package io.gureum.chatbot.entities;

import io.gureum.core.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A training phrase with its slots marked inline, as Rasa and Lex write them:
 * {@code book a table for [4](people) at [7pm](time)} is the text "book a table for 4 at 7pm" with "4" as slot
 * {@code people} and "7pm" as {@code time}; {@code [내일](date) [오후 3시](time)에 [4명](people) 예약} works alike.
 * A backslash makes the next character plain ({@code \[}, {@code \]}, {@code \\}); a "(" that follows no annotation
 * is plain text. Offsets count UTF-16 units of the plain text.
 */
public record AnnotatedPhrase(String text, List<SlotAnnotation> slots) {
    private static final Pattern SLOT_NAME = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_.-]{0,63}");

    public AnnotatedPhrase {
        slots = List.copyOf(slots);
    }

    /**
     * Reads an annotated phrase.
     *
     * @throws Problem {@code validation_failed} (422) naming the 1-based column (extension {@code column}) of an
     *                 unclosed "[", a "]" not followed by "(slot)", an unclosed "(", an empty text or slot name, a bad
     *                 slot name, a nested "[" or a stray "]"
     */
    public static AnnotatedPhrase parse(String annotated) {
        if (annotated == null) throw Problem.invalid("phrase is missing");
        StringBuilder plain = new StringBuilder(annotated.length());
        List<SlotAnnotation> slots = new ArrayList<>();
        int open = -1;          // index in `annotated` of the "[" being read, or -1
        int openPlain = -1;     // where its text starts in `plain`
        int i = 0;
        while (i < annotated.length()) {
            char c = annotated.charAt(i);
            if (c == '\\' && i + 1 < annotated.length()) {
                plain.append(annotated.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '[') {
                if (open >= 0) throw error(annotated, i, "'[' inside the annotation opened at column " + (open + 1) + "; annotations do not nest");
                open = i;
                openPlain = plain.length();
                i++;
            } else if (c == ']') {
                if (open < 0) throw error(annotated, i, "']' without a matching '['; write \\] for a plain bracket");
                if (plain.length() == openPlain) throw error(annotated, open, "annotation has no text: write [text](slot)");
                if (i + 1 >= annotated.length() || annotated.charAt(i + 1) != '(') {
                    throw error(annotated, i + 1, "expected '(slot)' after ']' of the annotation opened at column " + (open + 1));
                }
                int close = annotated.indexOf(')', i + 2);
                if (close < 0) throw error(annotated, i + 1, "'(' of the slot name is never closed");
                String slot = annotated.substring(i + 2, close).strip();
                if (slot.isEmpty()) throw error(annotated, i + 1, "empty slot name: write [text](slot)");
                if (!SLOT_NAME.matcher(slot).matches()) {
                    throw error(annotated, i + 2, "slot name '" + slot + "': use letters, digits, '_', '-' or '.'");
                }
                slots.add(new SlotAnnotation(slot, plain.substring(openPlain), openPlain, plain.length()));
                open = -1;
                i = close + 1;
            } else {
                plain.append(c);
                i++;
            }
        }
        if (open >= 0) throw error(annotated, open, "'[' is never closed: write [text](slot)");
        return new AnnotatedPhrase(plain.toString(), slots);
    }

    private static Problem error(String annotated, int index, String message) {
        int column = index + 1;
        return new Problem(422, "validation_failed", "Request is not valid",
                "phrase '" + annotated + "', column " + column + ": " + message, Map.of("column", column));
    }
}
