package io.gureum.chatbot.bot;

import java.util.List;

/**
 * An entity type a bot defines: either a list of values with synonyms, or a regular expression.
 *
 * @param name    referred to by slots' {@code entityType}; never {@code sys.*}
 * @param values  a list entity's values
 * @param pattern a regex entity's Java regular expression
 */
public record EntityTypeDefinition(String name, List<Value> values, String pattern) {
    public EntityTypeDefinition {
        values = Lists.of(values);
    }

    /** One canonical value and other ways of saying it. */
    public record Value(String value, List<String> synonyms) {
        public Value {
            synonyms = Lists.of(synonyms);
        }
    }
}
