package io.gureum.chatbot.entities;

import io.gureum.core.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * An entity whose values a bot lists, each with synonyms ({@code pizza}: "pizza", "피자", "pie"). Matching ignores case,
 * takes the longest synonym that fits at a word start, and lets a Korean particle follow a synonym that ends in Hangul
 * ("피자를" is "피자"); the extracted value is the canonical {@link Value#value()}. The value itself always counts as a
 * synonym.
 */
public record ListEntity(String name, List<Value> values) implements EntityType {
    public ListEntity {
        EntityNames.check(name);
        if (values == null || values.isEmpty()) throw Problem.invalid("entity '" + name + "': at least one value is required");
        values = List.copyOf(values);
    }

    /** One canonical value and the other ways of saying it. */
    public record Value(String value, List<String> synonyms) {
        public Value {
            if (value == null || value.isBlank()) throw Problem.invalid("list entity value is blank");
            synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
            for (String synonym : synonyms) {
                if (synonym == null || synonym.isBlank()) throw Problem.invalid("value '" + value + "': a synonym is blank");
            }
        }

        public Value(String value, String... synonyms) {
            this(value, List.of(synonyms));
        }

        /** The value and its synonyms, stripped, without repeats. */
        List<String> surfaces() {
            List<String> all = new ArrayList<>();
            all.add(value.strip());
            for (String synonym : synonyms) if (!all.contains(synonym.strip())) all.add(synonym.strip());
            return all;
        }
    }
}
