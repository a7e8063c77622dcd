package io.gureum.chatbot.nlu;

import io.gureum.core.Problem;

/** One example of what a user may say for an intent, e.g. ("what's my balance", "check_balance"). */
public record TrainingPhrase(String text, String intent) {
    public TrainingPhrase {
        if (text == null || text.isBlank()) throw Problem.invalid("a training phrase's text is empty");
        if (intent == null || intent.isBlank()) throw Problem.invalid("the training phrase '" + text + "' has no intent");
    }
}
