package io.gureum.language;

/**
 * A language found in a document.
 *
 * @param iso6391    ISO 639-1 code ({@code "ko"}); for an individual language that is the usual member of a
 *                   macrolanguage (Mandarin {@code cmn}, Standard Arabic {@code arb}) the macrolanguage's code
 *                   ({@code "zh"}, {@code "ar"}); {@code null} when none exists (e.g. Cebuano)
 * @param iso6393    ISO 639-3 code as the engine reports it ({@code "kor"}; OpenNLP says {@code "cmn"} where
 *                   Lingua says {@code "zho"})
 * @param name       English name from the JDK's CLDR data ({@code "Korean"})
 * @param confidence the engine's score, higher is more likely. Lingua's are relative (the best language
 *                   scores 1.0 when it is clear-cut); OpenNLP's are probabilities summing to 1 over its 103
 *                   languages. Compare them within one model, not across models.
 */
public record DetectedLanguage(String iso6391, String iso6393, String name, double confidence) {}
