package io.gureum.chatbot.dialog;

/** A filled slot: the canonical value ({@code 2026-11-27}, {@code 4}) and the words it came from ("tomorrow", "4명"). */
public record SlotValue(String value, String text) {}
