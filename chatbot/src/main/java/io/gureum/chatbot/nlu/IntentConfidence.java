package io.gureum.chatbot.nlu;

/** An intent and the model's probability that a message expresses it. */
public record IntentConfidence(String intent, double confidence) {}
