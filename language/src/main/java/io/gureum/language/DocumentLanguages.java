package io.gureum.language;

import java.util.List;

/**
 * The languages detected in one document, best first. Empty when the text holds nothing to detect
 * (no letters: digits, punctuation, emoji or blanks only), where Azure Language answers "(Unknown)".
 */
public record DocumentLanguages(String id, List<DetectedLanguage> languages) {
    public DocumentLanguages {
        languages = List.copyOf(languages);
    }
}
