package io.gureum.chatbot.dialog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.gureum.core.Problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's dialog between two messages; immutable, and stored as JSON ({@link #toJson()}, {@link #fromJson}).
 *
 * @param intent        the intent in progress, or null
 * @param slots         its filled slots, by slot name
 * @param requestedSlot the slot the last reply asked for, or null
 * @param confirming    whether the last reply asked for confirmation
 * @param attempts      how many times the requested slot has been asked for (picks the next prompt)
 * @param contexts      the active contexts
 * @param turn          how many messages the session has had
 */
public record DialogState(String intent, Map<String, SlotValue> slots, String requestedSlot, boolean confirming, int attempts,
                          List<ActiveContext> contexts, int turn) {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    public DialogState {
        slots = slots == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(slots));
        contexts = contexts == null ? List.of() : List.copyOf(contexts);
    }

    /** A new session. */
    public static DialogState initial() {
        return new DialogState(null, Map.of(), null, false, 0, List.of(), 0);
    }

    public boolean contextActive(String name) {
        return contexts.stream().anyMatch(c -> c.name().equals(name) && c.turnsLeft() > 0);
    }

    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a dialog state always serialises", e);
        }
    }

    /** @throws Problem 422 {@code validation_failed} for JSON that is not a dialog state */
    public static DialogState fromJson(String json) {
        try {
            return MAPPER.readValue(json, DialogState.class);
        } catch (JsonProcessingException e) {
            throw Problem.invalid("not a dialog state: " + e.getOriginalMessage());
        }
    }
}
