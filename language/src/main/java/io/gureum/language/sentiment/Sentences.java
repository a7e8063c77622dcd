package io.gureum.language.sentiment;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits a text into sentences with the JDK's English sentence rules; each span is trimmed of white space. */
final class Sentences {
    private Sentences() {}

    /** A sentence: {@code text.substring(offset, offset + length)}, in UTF-16 code units. */
    record Span(int offset, int length) {}

    static List<Span> split(String text) {
        BreakIterator boundaries = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        boundaries.setText(text);
        List<Span> spans = new ArrayList<>();
        int start = boundaries.first();
        for (int end = boundaries.next(); end != BreakIterator.DONE; start = end, end = boundaries.next()) {
            int from = start, to = end;
            while (from < to && Character.isWhitespace(text.charAt(from))) from++;
            while (to > from && Character.isWhitespace(text.charAt(to - 1))) to--;
            if (from < to) spans.add(new Span(from, to - from));
        }
        return spans;
    }
}
