package io.gureum.language.translation;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * Language tags as translation matches them: BCP 47, with the shortest ISO 639 code for the language (so a
 * three-letter code becomes its two-letter one where that exists: {@code spa} is {@code es}, {@code eng_US} is
 * {@code en-US}), compared ignoring case.
 */
public final class LanguageTags {
    /** ISO 639-2/T (as engines use: {@code deu}, {@code spa}) to ISO 639-1, from the JDK's tables. */
    private static final Map<String, String> TWO_LETTER = twoLetterCodes();

    private LanguageTags() {}

    /**
     * A tag in the spelling pairs use: trimmed, '_' read as '-', the language subtag in lower case and in two
     * letters where it has them ({@code SPA_es} gives {@code es-es}; compare tags ignoring case).
     */
    public static String normalize(String tag) {
        String t = tag.trim().replace('_', '-');
        int dash = t.indexOf('-');
        String language = twoLetters((dash < 0 ? t : t.substring(0, dash)).toLowerCase(Locale.ROOT));
        return language + (dash < 0 ? "" : t.substring(dash));
    }

    /** The two-letter code of a lower-case three-letter one, where one exists; else the code itself. */
    public static String twoLetters(String language) {
        return TWO_LETTER.getOrDefault(language, language);
    }

    /** The language subtag of a tag: {@code en} for {@code en-US}. */
    public static String primary(String tag) {
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }

    private static Map<String, String> twoLetterCodes() {
        Map<String, String> codes = new HashMap<>();
        for (String twoLetters : Locale.getISOLanguages()) {
            Locale locale = new Locale(twoLetters);
            try {
                // toLanguageTag gives today's codes where getLanguage keeps the JDK's legacy ones (iw, in, ji)
                codes.put(locale.getISO3Language(), locale.toLanguageTag());
            } catch (MissingResourceException noThreeLetterCode) {
                // such a language keeps its three letters
            }
        }
        codes.putIfAbsent("zlm", "ms");   // Malay, the individual language (apertium-ind-zlm): what people call ms
        return Map.copyOf(codes);
    }
}
