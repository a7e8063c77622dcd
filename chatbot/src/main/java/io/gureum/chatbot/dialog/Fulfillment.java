package io.gureum.chatbot.dialog;

import java.util.Map;
import java.util.Optional;

/**
 * Fulfils an intent outside the bot (a webhook that books the table). The dialog calls it for intents marked
 * {@code "webhook": true}, once every required slot is filled and confirmed.
 */
@FunctionalInterface
public interface Fulfillment {
    /** No fulfiller: intents answer with their own responses. */
    Fulfillment NONE = request -> Optional.empty();

    /**
     * @return the fulfiller's answer, or empty to answer with the intent's own response
     * @throws io.gureum.core.Problem when fulfilment failed (timed out, refused); the turn is then not taken, so the
     *                                caller keeps the session's state from before the message and the user may retry
     */
    Optional<Result> fulfill(Request request);

    /**
     * @param intent the intent being fulfilled
     * @param slots  its filled slots' values by slot name
     * @param text   the message that completed it ("yes", or the last slot's answer)
     */
    record Request(String intent, Map<String, String> slots, String text) {
        public Request {
            slots = Map.copyOf(slots);
        }
    }

    /**
     * @param reply what the bot says instead of the intent's response; null keeps the response, rendered with the
     *              slots below
     * @param slots slot values to set or replace (a booking number the response template shows)
     */
    record Result(Reply reply, Map<String, String> slots) {
        public Result {
            slots = slots == null ? Map.of() : Map.copyOf(slots);
        }
    }
}
