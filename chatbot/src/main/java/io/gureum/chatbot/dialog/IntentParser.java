package io.gureum.chatbot.dialog;

import io.gureum.chatbot.nlu.IntentParse;

/** What the dialog asks of NLU; a trained model is one: {@code IntentParser parser = model::parse}. */
@FunctionalInterface
public interface IntentParser {
    IntentParse parse(String text);
}
