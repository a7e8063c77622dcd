package io.gureum.chatbot.nlu;

import java.util.List;
import java.util.Optional;

/**
 * What a message means to a bot: its most likely intents, best first (at most {@link TrainedIntentModel#RANKING_SIZE}),
 * and whether it is out of scope (matches none of them well enough: the best confidence is under the model's
 * threshold, or the message looks more like the out-of-scope examples than like any intent).
 */
public record IntentParse(List<IntentConfidence> ranking, boolean isOutOfScope) {
    public IntentParse {
        ranking = List.copyOf(ranking);
    }

    /** The recognised intent; empty when the message is out of scope. */
    public Optional<IntentConfidence> intent() {
        return isOutOfScope || ranking.isEmpty() ? Optional.empty() : Optional.of(ranking.get(0));
    }
}
