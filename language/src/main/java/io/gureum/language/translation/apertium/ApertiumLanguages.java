package io.gureum.language.translation.apertium;

import io.gureum.language.translation.LanguageTags;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apertium's language codes as BCP 47 tags: {@code eng} and {@code en} are {@code en}, {@code spa} is {@code es},
 * {@code eng_US} is {@code en-US}, {@code cat_valencia} is {@code ca-valencia}; a language with no two-letter code
 * keeps its three letters ({@code ast}, {@code hbs}), as BCP 47 asks (the shortest ISO 639 code).
 *
 * <p>Older pairs name languages with ISO 639-1 ({@code fr-es}), newer ones with ISO 639-3 ({@code fra-cat}); the
 * two-letter code for a three-letter one comes from {@link LanguageTags}.
 */
final class ApertiumLanguages {
    /** A language code, then an optional variant after '_': {@code spa}, {@code eng_US}, {@code cat_valencia}. */
    private static final Pattern CODE = Pattern.compile("([a-z]{2,3})(?:_([A-Za-z0-9]{1,8}))?");

    private ApertiumLanguages() {}

    /** Whether {@code code} is one of apertium's language codes, e.g. {@code spa} or {@code eng_US}. */
    static boolean isCode(String code) {
        return CODE.matcher(code).matches();
    }

    /**
     * The BCP 47 tag for an apertium language code.
     *
     * @throws IllegalArgumentException when it is not one ({@link #isCode})
     */
    static String toBcp47(String code) {
        Matcher m = CODE.matcher(code);
        if (!m.matches()) throw new IllegalArgumentException("not an apertium language code: '" + code + "'");
        String language = LanguageTags.twoLetters(m.group(1));
        String variant = m.group(2);
        if (variant == null) return language;
        if (variant.matches("[A-Za-z]{2}|[0-9]{3}")) return language + "-" + variant.toUpperCase(Locale.ROOT);  // region
        if (variant.matches("[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}")) return language + "-" + variant.toLowerCase(Locale.ROOT);
        return language + "-x-" + variant.toLowerCase(Locale.ROOT);  // not a valid variant subtag: a private one
    }
}
