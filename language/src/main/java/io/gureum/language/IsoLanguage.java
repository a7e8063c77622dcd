package io.gureum.language;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * The codes and English name reported for an engine's ISO 639-3 code, computed once per language
 * when a model is opened so that detection only allocates the result record.
 *
 * <p>639-1 codes and names come from the JDK's tables (CLDR), so both engines name a language alike.
 */
record IsoLanguage(String iso6391, String iso6393, String name) {

    /**
     * Individual languages that are what people mean by their macrolanguage's code, so they share its
     * 639-1 code and name (ISO 639-3 macrolanguage mappings): OpenNLP reports {@code cmn} and {@code pes}
     * where Lingua reports {@code zho} and {@code fas}; data sets label Arabic as {@code arb}.
     * Members that are not the usual sense of the code (e.g. Min Nan {@code nan} in {@code zho}) stay apart.
     */
    private static final Map<String, String> MACROLANGUAGE = Map.ofEntries(
            Map.entry("cmn", "zho"),   // Mandarin Chinese
            Map.entry("arb", "ara"),   // Standard Arabic
            Map.entry("ekk", "est"),   // Standard Estonian
            Map.entry("lvs", "lav"),   // Standard Latvian
            Map.entry("pes", "fas"),   // Iranian Persian
            Map.entry("plt", "mlg"),   // Plateau Malagasy
            Map.entry("zsm", "msa"),   // Standard Malay
            Map.entry("azj", "aze"),   // North Azerbaijani
            Map.entry("uzn", "uzb"),   // Northern Uzbek
            Map.entry("swh", "swa"),   // Swahili (individual language)
            Map.entry("khk", "mon"),   // Halh Mongolian
            Map.entry("npi", "nep"));  // Nepali (individual language)

    /** English names the JDK lacks, for codes the bundled engines report. */
    private static final Map<String, String> EXTRA_NAMES = Map.of("pnb", "Western Panjabi");

    /** ISO 639-3 (terminology code, as engines use: {@code deu}, {@code zho}) to 639-1, from the JDK. */
    private static final Map<String, String> ISO_639_1 = iso6391ByIso6393();

    /** The macrolanguage code for the individual languages listed above, else {@code iso6393} itself. */
    static String macrolanguage(String iso6393) {
        return MACROLANGUAGE.getOrDefault(iso6393, iso6393);
    }

    static IsoLanguage of(String iso6393) {
        String code = iso6393.toLowerCase(Locale.ROOT);
        String iso6391 = ISO_639_1.get(macrolanguage(code));
        return new IsoLanguage(iso6391, code, englishName(code, iso6391));
    }

    DetectedLanguage withConfidence(double confidence) {
        return new DetectedLanguage(iso6391, iso6393, name, confidence);
    }

    private static String englishName(String iso6393, String iso6391) {
        // The two-letter locale gives CLDR's common names ("Punjabi", "Norwegian Bokmål"); the three-letter
        // one falls back to ISO reference names ("Panjabi"), and to the code itself when the JDK has none.
        String name = new Locale(iso6391 != null ? iso6391 : iso6393).getDisplayLanguage(Locale.ENGLISH);
        if (name.isEmpty() || name.equalsIgnoreCase(iso6393)) name = EXTRA_NAMES.getOrDefault(iso6393, iso6393);
        return name;
    }

    private static Map<String, String> iso6391ByIso6393() {
        Map<String, String> codes = new HashMap<>();
        for (String iso6391 : Locale.getISOLanguages()) {
            Locale locale = new Locale(iso6391);
            try {
                // toLanguageTag gives today's codes where getLanguage keeps the JDK's legacy ones (iw, in, ji).
                codes.put(locale.getISO3Language(), locale.toLanguageTag());
            } catch (MissingResourceException noThreeLetterCode) {
                // not expected for ISO 639-1 codes; such a language simply gets no 639-1 mapping
            }
        }
        return Map.copyOf(codes);
    }
}
