package io.gureum.speech.tts;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits text into the chunks an engine speaks at a time: whole sentences (the JDK's sentence rules, which know
 * {@code 。！？} as well as {@code .!?}), packed together up to {@link #MAX_CHUNK} characters, the first chunk
 * only up to {@link #FIRST_CHUNK}.
 *
 * <p>Why chunks: the first audio goes out as soon as the first chunk is spoken, and the native engines' lock is
 * held for one chunk, not the whole text, so other requests interleave. Why packed: the JDK's rules do not know
 * abbreviations ("Dr. Smith" is two "sentences"); speaking short sentences together lets the engine read them
 * as it would, and {@link #MAX_CHUNK} still keeps a chunk to seconds of speech and milliseconds of synthesis
 * (espeak; flite's slt takes about 150 ms). The first chunk is smaller so that the first audio comes sooner.
 */
final class Sentences {
    static final int MAX_CHUNK = 200;
    static final int FIRST_CHUNK = 60;

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    /** Where a sentence too long for one chunk is best cut: after a clause mark (Latin, CJK) or a dash. */
    private static final String CLAUSE_MARKS = ",;:、，；：—–";

    private Sentences() {}

    static List<String> chunks(String text, Locale locale) {
        List<String> chunks = new ArrayList<>();
        for (String paragraph : PARAGRAPH_BREAK.split(withoutControlCharacters(text))) {
            String flat = Texts.collapseWhitespace(paragraph);
            StringBuilder chunk = new StringBuilder();
            for (String sentence : sentences(flat, locale)) {
                for (String piece : cutToMax(sentence)) {
                    int limit = chunks.isEmpty() ? FIRST_CHUNK : MAX_CHUNK;
                    if (chunk.length() > 0 && chunk.length() + 1 + piece.length() > limit) {
                        chunks.add(chunk.toString());
                        chunk.setLength(0);
                    }
                    if (chunk.length() > 0) chunk.append(' ');
                    chunk.append(piece);
                }
            }
            if (chunk.length() > 0) chunks.add(chunk.toString());
        }
        return chunks;
    }

    /**
     * Control characters become spaces: espeak reads some (Ctrl-A starts its embedded commands, which would change
     * its process-wide settings for the next request), and none is speech.
     */
    static String withoutControlCharacters(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(
                Character.isISOControl(c) && c != '\n' ? ' ' : c));
        return out.toString();
    }

    private static List<String> sentences(String paragraph, Locale locale) {
        List<String> sentences = new ArrayList<>();
        BreakIterator boundaries = BreakIterator.getSentenceInstance(locale);
        boundaries.setText(paragraph);
        int start = boundaries.first();
        for (int end = boundaries.next(); end != BreakIterator.DONE; start = end, end = boundaries.next()) {
            String sentence = paragraph.substring(start, end).strip();
            if (!sentence.isEmpty()) sentences.add(sentence);
        }
        return sentences;
    }

    /** A sentence longer than a chunk, cut after its last clause mark or space that fits, else anywhere. */
    private static List<String> cutToMax(String sentence) {
        List<String> pieces = new ArrayList<>();
        String rest = sentence;
        while (rest.length() > MAX_CHUNK) {
            int cut = lastCutPoint(rest);
            pieces.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) pieces.add(rest);
        return pieces;
    }

    private static int lastCutPoint(String text) {
        for (int i = MAX_CHUNK - 1; i >= MAX_CHUNK / 2; i--) {
            if (CLAUSE_MARKS.indexOf(text.charAt(i)) >= 0) return i + 1;
        }
        int space = text.lastIndexOf(' ', MAX_CHUNK - 1);
        if (space > 0) return space;
        // No mark or space (e.g. unpunctuated CJK): cut at the limit, but never inside a surrogate pair.
        return Character.isLowSurrogate(text.charAt(MAX_CHUNK)) ? MAX_CHUNK - 1 : MAX_CHUNK;
    }
}
