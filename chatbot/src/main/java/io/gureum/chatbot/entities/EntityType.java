package io.gureum.chatbot.entities;

/**
 * A kind of value a bot extracts from what users say: one it defines ({@link ListEntity}, {@link RegexEntity}) or a
 * built-in one ({@link SystemEntity}). The name is what {@link ExtractedEntity#type()} reports.
 */
public sealed interface EntityType permits ListEntity, RegexEntity, SystemEntity {
    String name();
}
