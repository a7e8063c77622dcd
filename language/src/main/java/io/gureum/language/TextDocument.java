package io.gureum.language;

import java.util.List;

/**
 * One text to analyse with, optionally, the language it is in (an ISO 639-1 code such as {@code "en"}, or a BCP 47
 * tag such as {@code "en-US"}), as in Azure Language's {@code documents[]} for sentiment and PII. Checked like a
 * {@link Document} by {@link LanguageDetection#validate}.
 *
 * @param language null when the caller does not say; a service that needs it then detects it
 */
public record TextDocument(String id, String text, String language) {

    public TextDocument(String id, String text) {
        this(id, text, null);
    }

    /** The id and text of each document (null stays null, a null list is empty), for {@link LanguageDetection}. */
    public static List<Document> asDocuments(List<TextDocument> documents) {
        if (documents == null) return List.of();
        return documents.stream().map(d -> d == null ? null : new Document(d.id(), d.text())).toList();
    }

    /** The language's primary subtag in lower case ({@code "en-US"} is {@code "en"}), or null when none was given. */
    public String primaryLanguage() {
        if (language == null || language.isBlank()) return null;
        String tag = language.trim().replace('_', '-');
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(java.util.Locale.ROOT);
    }
}
