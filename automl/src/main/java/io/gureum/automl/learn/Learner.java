package io.gureum.automl.learn;

import java.util.Map;
import java.util.function.BooleanSupplier;

/** A model family with its settings: fits on training data, optionally early-stopping on validation data. */
public interface Learner {
    /** The family, as the leaderboard shows it: {@code GLM}, {@code XGBoost}, {@code LightGBM}, {@code DRF}, {@code XRT}. */
    String family();

    /** The settings, for the leaderboard and the model card. */
    Map<String, Object> params();

    /**
     * Fits on {@code train}; with {@code valid}, stops adding rounds when the validation loss stops improving and
     * remembers the best round. Checks {@code stop} between rounds and throws {@link Stopped} when it turns true.
     */
    FittedModel fit(TrainingData train, TrainingData valid, LearningTask task, BooleanSupplier stop);

    /** The same settings with a fixed number of rounds and no early stopping: how the final model is refitted. */
    Learner withRounds(int rounds);
}
