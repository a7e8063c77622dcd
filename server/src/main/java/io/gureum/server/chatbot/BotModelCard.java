package io.gureum.server.chatbot;

import io.gureum.chatbot.nlu.IntentTrainingSet;
import io.gureum.chatbot.nlu.OutOfScopeCalibration;
import io.gureum.chatbot.nlu.TrainedIntentModel;

import java.time.Instant;

/**
 * What a trained bot version records about its model: the data it learned from, how it did on phrases held out of a
 * first training run, and where it came from (the embedding model, the exact bytes).
 *
 * @param heldOutInScopeAccuracy   share of held-out phrases recognised as their own intent; null when too few phrases
 *                                 per intent could be held out
 * @param heldOutOutOfScopeRecall  share of held-out out-of-scope examples flagged; null when none were held out
 */
public record BotModelCard(String task, String embeddingModel, int intents, int trainingPhrases, int outOfScopeExamples,
                           boolean learnedOutOfScope, double outOfScopeThreshold, int heldOutPhrases, Double heldOutInScopeAccuracy,
                           int heldOutOutOfScopeExamples, Double heldOutOutOfScopeRecall, double trainingSeconds, Instant trainedAt,
                           long modelBytes, String modelSha256, String definitionSha256) {

    static BotModelCard of(IntentTrainingSet data, TrainedIntentModel model, double trainingSeconds, Instant trainedAt, long modelBytes,
                           String modelSha256, String definitionSha256) {
        OutOfScopeCalibration c = model.calibration();
        return new BotModelCard("intent-classification", model.embeddingModel(), model.intents().size(),
                data.phrases().size(), data.outOfScopeExamples().size(), model.learnedOutOfScope(), c.threshold(), c.heldOutPhrases(),
                finite(c.heldOutInScopeAccuracy()), c.heldOutOutOfScopeExamples(), finite(c.heldOutOutOfScopeRecall()),
                Math.round(trainingSeconds * 1000) / 1000.0, trainedAt, modelBytes, modelSha256, definitionSha256);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

}
