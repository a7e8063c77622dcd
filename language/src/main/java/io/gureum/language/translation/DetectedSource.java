package io.gureum.language.translation;

/**
 * The source language found for a text sent without one.
 *
 * @param language   BCP 47 tag ({@code en})
 * @param confidence the language detector's score, higher is more likely (see
 *                   {@link io.gureum.language.DetectedLanguage#confidence})
 */
public record DetectedSource(String language, double confidence) {}
