package io.gureum.chatbot.dialog;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where a dialog stands after a turn. */
public enum DialogStatus {
    /** asking for a slot */
    COLLECTING,
    /** asking the user to confirm */
    CONFIRMING,
    /** the intent is done: its response was given */
    FULFILLED,
    /** the user said no to the confirmation; the intent is dropped */
    DECLINED,
    /** the message matched no intent (out of scope); any intent in progress is kept */
    FALLBACK;

    @JsonValue
    public String wireName() { return name().toLowerCase(Locale.ROOT); }
}
