package io.gureum.language.sentiment;

/** A text's sentiment, from its compound score with VADER's published thresholds of ±{@value #THRESHOLD}. */
public enum SentimentLabel {
    POSITIVE("positive"),
    NEUTRAL("neutral"),
    NEGATIVE("negative");

    /** Compound scores from +0.05 are positive, to -0.05 negative, in between neutral (VADER's README). */
    public static final double THRESHOLD = 0.05;

    private final String wireName;

    SentimentLabel(String wireName) {
        this.wireName = wireName;
    }

    /** The name in responses: {@code positive}, {@code neutral}, {@code negative}. */
    public String wireName() { return wireName; }

    public static SentimentLabel of(double compound) {
        if (compound >= THRESHOLD) return POSITIVE;
        if (compound <= -THRESHOLD) return NEGATIVE;
        return NEUTRAL;
    }
}
