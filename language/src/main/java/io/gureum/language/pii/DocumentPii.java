package io.gureum.language.pii;

import java.util.List;

/**
 * The personal information found in one document, in order of offset, without overlaps.
 *
 * @param redactedText the text with each entity's characters replaced by {@code *} (the same length, so offsets still
 *                     apply), or null when redaction was not asked for
 */
public record DocumentPii(String id, List<PiiEntity> entities, String redactedText) {
    public DocumentPii {
        entities = List.copyOf(entities);
    }
}
