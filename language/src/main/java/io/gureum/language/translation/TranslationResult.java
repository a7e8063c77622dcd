package io.gureum.language.translation;

import java.util.List;

/** The answer to {@link TranslationService#translate}: one translation per text, in request order. */
public record TranslationResult(List<Translation> translations) {
    public TranslationResult {
        translations = List.copyOf(translations);
    }
}
