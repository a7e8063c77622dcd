package io.gureum.chatbot.entities;

import io.gureum.core.Problem;

import java.util.regex.Pattern;

/** The rule for the names of entities a bot defines: letters, digits, {@code _ - .}, and never the {@code sys.} prefix. */
final class EntityNames {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_.-]{0,63}");

    private EntityNames() {}

    static String check(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw Problem.invalid("entity name '" + name + "': use 1-64 letters, digits, '_', '-' or '.', starting with a letter, digit or '_'");
        }
        if (name.startsWith("sys.")) throw Problem.invalid("entity name '" + name + "': the 'sys.' prefix is reserved for system entities");
        return name;
    }
}
