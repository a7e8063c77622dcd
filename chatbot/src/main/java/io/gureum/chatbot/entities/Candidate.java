package io.gureum.chatbot.entities;

/** A possible entity before overlaps are settled; {@code rank} orders candidates of equal length (lower wins). */
record Candidate(String type, int start, int end, String value, double confidence, int rank) {
    int length() { return end - start; }
}
