package io.gureum.chatbot.entities;

import io.gureum.core.Problem;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An entity found by a Java regular expression (an order number {@code [A-Z]{2}-\d{6}}); the value is the matched
 * text. The pattern is compiled here, so a bad one fails when the bot is defined, with the entity's name in the
 * message; a pattern that matches empty text is refused too (it would match between every two characters).
 */
public record RegexEntity(String name, String regex, Pattern pattern) implements EntityType {
    public RegexEntity {
        EntityNames.check(name);
        if (regex == null || regex.isEmpty()) throw Problem.invalid("entity '" + name + "': the regular expression is empty");
        if (pattern == null) pattern = compile(name, regex);
        if (pattern.matcher("").matches()) {
            throw Problem.invalid("entity '" + name + "': the regular expression '" + regex + "' matches empty text");
        }
    }

    public RegexEntity(String name, String regex) {
        this(name, regex, null);
    }

    private static Pattern compile(String name, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw Problem.invalid("entity '" + name + "': invalid regular expression '" + regex + "': " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
        }
    }
}
