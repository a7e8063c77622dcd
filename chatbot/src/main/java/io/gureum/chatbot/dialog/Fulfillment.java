package io.gureum.chatbot.dialog;

import java.util.Map;
import java.util.Optional;

/**
 * The extension point for fulfilling an intent outside the bot (a webhook that books the table): called once every
 * required slot is filled and confirmed; a reply it returns replaces the intent's response. Webhooks are not built
 * yet: {@link #NONE} is the default, and the intent's own response is used.
 */
@FunctionalInterface
public interface Fulfillment {
    Fulfillment NONE = (intent, slots) -> Optional.empty();

    /** @param slots the filled slots' values by slot name */
    Optional<Reply> fulfill(String intent, Map<String, String> slots);
}
