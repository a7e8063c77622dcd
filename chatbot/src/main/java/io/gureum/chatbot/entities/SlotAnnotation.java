package io.gureum.chatbot.entities;

/** A slot marked in a training phrase: {@code text} is {@code plainText.substring(start, end)} of its phrase. */
public record SlotAnnotation(String slot, String text, int start, int end) {}
