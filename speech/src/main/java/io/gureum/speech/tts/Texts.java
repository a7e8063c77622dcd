package io.gureum.speech.tts;

import java.util.regex.Pattern;

/** Whitespace handling shared by plain text and SSML, so both meter characters the same way. */
final class Texts {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Texts() {}

    static String collapseWhitespace(CharSequence text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    /** Characters (code points, so a Korean syllable or an emoji is one) with each whitespace run counted once. */
    static int codePointsCollapsed(CharSequence text) {
        String collapsed = collapseWhitespace(text);
        return collapsed.codePointCount(0, collapsed.length());
    }
}
