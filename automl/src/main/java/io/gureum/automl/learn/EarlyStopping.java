package io.gureum.automl.learn;

/** Tracks a validation loss round by round: the best round, and whether patience has run out. */
final class EarlyStopping {
    private final int patience;
    private double best = Double.POSITIVE_INFINITY;
    private int bestRound = -1;

    EarlyStopping(int patience) { this.patience = patience; }

    /** Records round {@code round}'s loss; true when it is time to stop. */
    boolean record(int round, double loss) {
        if (loss < best - 1e-12 || bestRound < 0) { best = loss; bestRound = round; }
        return round - bestRound >= patience;
    }

    /** The number of rounds up to and including the best one. */
    int bestRounds() { return bestRound + 1; }
}
