package io.gureum.language;

/**
 * One text to analyse, named by an {@code id} the caller chooses (unique within a request), as in
 * Azure Language's {@code documents[]}. Checked by {@link LanguageDetection#validate}, not here, so that
 * the error can name the offending document.
 */
public record Document(String id, String text) {}
