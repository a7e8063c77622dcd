package io.gureum.chatbot.bot;

/**
 * Asked before an intent is fulfilled.
 *
 * @param prompt   the question, with {@code {slot}} variables: "A table for {party_size} on {date} at {time}, right?"
 * @param declined what the bot says when the user says no
 */
public record Confirmation(String prompt, String declined) {}
