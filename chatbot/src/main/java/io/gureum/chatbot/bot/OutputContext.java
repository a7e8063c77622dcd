package io.gureum.chatbot.bot;

/** A context an intent sets when fulfilled, active for {@code lifespan} turns (the user's messages) after that. */
public record OutputContext(String name, int lifespan) {}
