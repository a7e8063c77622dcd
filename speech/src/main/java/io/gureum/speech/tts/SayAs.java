package io.gureum.speech.tts;

import java.util.Locale;

/** SSML {@code <say-as interpret-as>} kinds, turned into plain text any engine reads the intended way. */
enum SayAs {
    /** Spell out: "ABC" as the letters A, B, C; "R2D2" as R, 2, D, 2. */
    CHARACTERS,
    /** Read each digit on its own: "2024" as two, zero, two, four. */
    DIGITS;

    static final String SUPPORTED = "characters (or spell-out), digits";

    /** @return null when not supported */
    static SayAs of(String interpretAs) {
        return switch (interpretAs.strip()) {
            case "characters", "spell-out" -> CHARACTERS;
            case "digits" -> DIGITS;
            default -> null;
        };
    }

    String spokenForm(String content) {
        return this == CHARACTERS ? spelled(content) : digitByDigit(content);
    }

    /**
     * Upper-case letters joined by hyphens ("A-B-C"): both espeak and flite then say each letter's name, where
     * spaces would make a lone "A" the article. Two digits are joined by a space instead, as espeak reads a
     * hyphen between digits as "dash".
     */
    private static String spelled(String content) {
        StringBuilder out = new StringBuilder();
        int previous = -1;
        for (int c : content.codePoints().filter(c -> !Character.isWhitespace(c)).toArray()) {
            if (previous >= 0) out.append(Character.isDigit(previous) && Character.isDigit(c) ? ' ' : '-');
            out.append(new String(Character.toChars(c)).toUpperCase(Locale.ROOT));
            previous = c;
        }
        return out.toString();
    }

    /** Each digit a word of its own; other characters stay, apart, so separators still make a short pause. */
    private static String digitByDigit(String content) {
        StringBuilder out = new StringBuilder();
        content.codePoints().forEach(c -> {
            if (Character.isDigit(c)) out.append(' ').appendCodePoint(c).append(' ');
            else out.appendCodePoint(c);
        });
        return out.toString().replaceAll("\\s+", " ").strip();
    }
}
