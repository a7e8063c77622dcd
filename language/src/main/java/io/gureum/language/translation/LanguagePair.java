package io.gureum.language.translation;

/**
 * One installed translation direction.
 *
 * @param from         source language, a BCP 47 tag ({@code en})
 * @param to           target language ({@code es}, {@code en-US})
 * @param engine       the engine that has it ({@code apertium})
 * @param name         the engine's name for it ({@code eng-spa}, {@code spa-eng_US})
 * @param model        where its data comes from: for apertium, the Debian package ({@code apertium-eng-spa});
 *                     null when unknown
 * @param modelVersion that package's installed version ({@code 0.8.1-2}); null when unknown
 */
public record LanguagePair(String from, String to, String engine, String name, String model, String modelVersion) {}
