package io.gureum.language.translation;

/**
 * One translated text.
 *
 * @param text             the translation; the text itself when it was already in the target language, or has no
 *                         letters to detect a language from
 * @param from             the source language, given or detected; null when none could be detected
 * @param to               the target language, as the pair names it
 * @param detectedLanguage how the source language was found when the request gave none; else null
 * @param engine           the engine that translated it; null when nothing was translated
 * @param pair             the engine's name for the direction ({@code eng-spa}); null when nothing was translated
 * @param model            the pair's data ({@code apertium-eng-spa}); null when nothing was translated or unknown
 * @param modelVersion     its version; null when unknown
 */
public record Translation(String text, String from, String to, DetectedSource detectedLanguage, String engine,
                          String pair, String model, String modelVersion) {}
