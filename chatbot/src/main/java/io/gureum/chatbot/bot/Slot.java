package io.gureum.chatbot.bot;

import java.util.List;

/**
 * A value an intent needs.
 *
 * @param name       unique in its intent; the {@code {name}} variable of responses
 * @param entityType a bot entity type, a system entity ({@code sys.number}, {@code sys.date}, {@code sys.time},
 *                   {@code sys.datetime}, {@code sys.email}, {@code sys.phone}, {@code sys.url}) or {@link #ANY}
 * @param required   the dialog asks for it until it is filled
 * @param prompts    what the bot asks; the first, then the next on each repeat (required slots need one)
 * @param validation optional checks of the value
 */
public record Slot(String name, String entityType, boolean required, List<String> prompts, SlotValidation validation) {
    /** Any text: only filled by the answer to the slot's own prompt (a name, a note), as Dialogflow's {@code @sys.any}. */
    public static final String ANY = "sys.any";

    public Slot {
        prompts = Lists.of(prompts);
    }
}
