package io.gureum.chatbot.bot;

/**
 * Checks of a slot's value; a value that fails is dropped and the slot asked for again after {@code message}.
 *
 * @param min     lowest numeric value (the value must be a number)
 * @param max     highest numeric value
 * @param pattern a regular expression the whole value must match
 * @param message what the bot says when the value fails, with {@code {slot}} variables (the failed value included)
 */
public record SlotValidation(Double min, Double max, String pattern, String message) {}
