package io.gureum.chatbot.dialog;

/** A context set by a fulfilled intent, active for {@code turnsLeft} more messages. */
public record ActiveContext(String name, int turnsLeft) {}
