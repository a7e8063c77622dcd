package io.gureum.chatbot.bot;

import java.util.List;

/**
 * Something a user may want.
 *
 * @param name           unique in the bot
 * @param phrases        training phrases, slots marked inline: {@code book a table for [4](party_size)}
 * @param slots          what the intent needs, asked for in this order
 * @param confirmation   optional: asked once every required slot is filled, before the intent is fulfilled
 * @param responses      what the bot says when the intent is fulfilled, with {@code {slot}} variables (one is picked
 *                       per turn)
 * @param inputContexts  the intent only matches while all of these contexts are active (a follow-up intent)
 * @param outputContexts contexts set when the intent is fulfilled, each for a number of turns
 * @param webhook        true: fulfilling the intent calls the bot's {@link Webhook}, whose answer may set slots and
 *                       replace the response
 */
public record Intent(String name, List<String> phrases, List<Slot> slots, Confirmation confirmation, List<Response> responses,
                     List<String> inputContexts, List<OutputContext> outputContexts, boolean webhook) {
    public Intent {
        phrases = Lists.of(phrases);
        slots = Lists.of(slots);
        responses = Lists.of(responses);
        inputContexts = Lists.of(inputContexts);
        outputContexts = Lists.of(outputContexts);
    }

    /** The slot with this name, or null. */
    public Slot slot(String slotName) {
        for (Slot slot : slots) if (slot.name() != null && slot.name().equals(slotName)) return slot;
        return null;
    }
}
