package io.gureum.chatbot.nlu;

import io.gureum.core.Problem;

import java.util.List;

/**
 * What an intent model is trained from: example phrases labelled with their intents, and optionally examples of
 * what the bot should not answer ("out of scope"). Out-of-scope examples are learned as a class of their own and
 * help pick the confidence threshold below which a message is treated as out of scope.
 */
public record IntentTrainingSet(List<TrainingPhrase> phrases, List<String> outOfScopeExamples) {
    public IntentTrainingSet {
        phrases = List.copyOf(phrases);
        outOfScopeExamples = List.copyOf(outOfScopeExamples);
        if (phrases.stream().map(TrainingPhrase::intent).distinct().count() < 2) {
            throw Problem.invalid("training needs phrases for at least two intents");
        }
        for (String example : outOfScopeExamples) {
            if (example == null || example.isBlank()) throw Problem.invalid("an out-of-scope example is empty");
        }
    }

    public IntentTrainingSet(List<TrainingPhrase> phrases) {
        this(phrases, List.of());
    }
}
