package io.gureum.language.sentiment;

/**
 * VADER's scores for a text.
 *
 * @param positive the share of the text's sentiment that is positive, 0-1
 * @param neutral  the share that is neutral (words with no valence), 0-1
 * @param negative the share that is negative, 0-1; the three shares sum to 1 (give or take rounding), or are all 0
 *                 for a text with no words
 * @param compound the sum of the words' valences normalised to -1 (most negative) .. +1 (most positive);
 *                 the score to rank or threshold texts by
 */
public record SentimentScores(double positive, double neutral, double negative, double compound) {
    /** The scores of a text with no words. */
    public static final SentimentScores NONE = new SentimentScores(0, 0, 0, 0);

    /** Rounded as VADER reports them: shares to 3 decimals, compound to 4. */
    SentimentScores rounded() {
        return new SentimentScores(round(positive, 1e3), round(neutral, 1e3), round(negative, 1e3), round(compound, 1e4));
    }

    private static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }
}
