package io.gureum.chatbot.dialog;

import java.util.Map;

/**
 * The result of one message.
 *
 * @param reply      what the bot says
 * @param intent     the intent the turn was about (in progress or just finished), or null for a fallback outside one
 * @param confidence the classifier's confidence in the message's top intent (0 when the message only answered a prompt
 *                   or a confirmation and was not classified)
 * @param slots      the intent's filled slots after this turn
 * @param status     where the dialog stands
 * @param state      the session's next state
 */
public record DialogTurn(Reply reply, String intent, double confidence, Map<String, SlotValue> slots, DialogStatus status, DialogState state) {
    public DialogTurn {
        slots = Map.copyOf(slots);
    }
}
