package io.gureum.chatbot.entities;

/**
 * One entity found in a text.
 *
 * @param type       the entity's name ({@code pizza_type}, {@code sys.date})
 * @param text       the words it was found in, as written ({@code text.substring(start, end)})
 * @param start      first UTF-16 unit, as {@link String#substring} counts
 * @param end        one past the last UTF-16 unit
 * @param value      the canonical value: a list entity's value, a plain decimal, an ISO date, time or date-time
 * @param confidence 0-1: 1 for the bot's own lists and patterns, lower for the system entities' rules
 */
public record ExtractedEntity(String type, String text, int start, int end, String value, double confidence) {
    public int length() { return end - start; }
}
