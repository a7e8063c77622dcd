package io.gureum.chatbot.dialog;

import java.time.Instant;

/** One session with a bot at a fixed time: each message goes in with the state the last one left. */
final class Conversation {
    private final DialogEngine engine;
    private final Instant now;
    private DialogState state = DialogState.initial();

    Conversation(DialogEngine engine, Instant now) {
        this.engine = engine;
        this.now = now;
    }

    DialogTurn say(String message) {
        DialogTurn turn = engine.handle(state, message, now);
        state = turn.state();
        return turn;
    }

    /** The reply's text to {@code message}. */
    String reply(String message) {
        return say(message).reply().text();
    }

    DialogState state() { return state; }

    /** A turn's slots as name → canonical value, sorted by name. */
    static java.util.Map<String, String> values(DialogTurn turn) {
        java.util.Map<String, String> values = new java.util.TreeMap<>();
        turn.slots().forEach((k, v) -> values.put(k, v.value()));
        return values;
    }

    /** Continues from a state read back, as a server would between requests. */
    void resume(DialogState stored) { state = stored; }
}
