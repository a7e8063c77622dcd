package io.gureum.chatbot.nlu;

/**
 * How a model's out-of-scope threshold was chosen, recorded with the model: a message whose best intent has a
 * confidence under {@code threshold} is out of scope. Measured on phrases held out of a first training run
 * (a stratified slice of each intent's phrases, and of the out-of-scope examples when there were any): the share of
 * held-out phrases recognised as their own intent at that threshold, and the share of held-out out-of-scope examples
 * flagged (NaN when none were held out).
 */
public record OutOfScopeCalibration(double threshold, int heldOutPhrases, double heldOutInScopeAccuracy,
                                    int heldOutOutOfScopeExamples, double heldOutOutOfScopeRecall) {
    /** No phrases could be held out (too few per intent): only the learned out-of-scope class, if any, flags messages. */
    static OutOfScopeCalibration none() {
        return new OutOfScopeCalibration(0, 0, Double.NaN, 0, Double.NaN);
    }
}
