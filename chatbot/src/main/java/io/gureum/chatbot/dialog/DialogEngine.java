package io.gureum.chatbot.dialog;

import io.gureum.chatbot.bot.Bot;
import io.gureum.chatbot.bot.BotCompiler;
import io.gureum.chatbot.bot.BotValidator;
import io.gureum.chatbot.bot.Intent;
import io.gureum.chatbot.bot.OutputContext;
import io.gureum.chatbot.bot.Response;
import io.gureum.chatbot.bot.Slot;
import io.gureum.chatbot.bot.SlotValidation;
import io.gureum.chatbot.bot.Templates;
import io.gureum.chatbot.entities.EntityExtractor;
import io.gureum.chatbot.entities.ExtractedEntity;
import io.gureum.chatbot.entities.ExtractionContext;
import io.gureum.chatbot.nlu.IntentConfidence;
import io.gureum.chatbot.nlu.IntentParse;
import io.gureum.core.Problem;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs a bot's dialog one message at a time over an immutable {@link DialogState}:
 *
 * <pre>{@code
 * var engine = new DialogEngine(bot, model::parse);
 * DialogTurn turn = engine.handle(DialogState.initial(), "book a table for 4", Instant.now());
 * turn.reply().text();      // "For which day?"
 * turn = engine.handle(turn.state(), "tomorrow", Instant.now());
 * }</pre>
 *
 * <ul>
 *   <li><b>Slot filling.</b> A message's entities fill the intent's slots by type ({@link SlotFiller}); the first
 *       missing required slot is asked for, with its prompts in turn.
 *   <li><b>Answers win.</b> While an intent is in progress, the message's entities are tried on its slots first (the
 *       asked-for slot's type before the others), whatever the classifier thinks the message is; only a message that
 *       fills nothing new is classified, and then starts another intent only when the classifier is sure of it
 *       ({@value #SWITCH_CONFIDENCE}; otherwise it is a fallback). A {@code sys.any} slot takes the whole answer
 *       (without "my name is", 제 이름은, ...입니다) unless the classifier is that sure of another intent.
 *   <li><b>Corrections.</b> An entity for a slot already filled replaces it, while collecting or confirming
 *       ("actually make it 5 people", 아니 5명으로); a correction during confirmation asks again.
 *   <li><b>Confirmation.</b> yes / no and their Korean forms ({@link YesNo}); no drops the intent with its
 *       {@code declined} text.
 *   <li><b>Fallback.</b> Out-of-scope input gets a fallback response; an intent in progress keeps its slots and its
 *       question is asked again.
 *   <li><b>Contexts.</b> A fulfilled intent sets its output contexts for their lifespan in messages; an intent with
 *       input contexts is only recognised while they are all active (a recognised intent whose contexts are not
 *       active counts as out of scope).
 * </ul>
 * Deterministic: the same bot, model, state, message and time give the same turn. Thread-safe.
 */
public final class DialogEngine {
    private static final Pattern ANY_PREFIX = Pattern.compile(
            "(?i)^(my name is|name is|the name is|it's|it is|i'm|i am|this is|제 이름은|이름은|저는|전)\\s*");
    private static final Pattern ANY_SUFFIX = Pattern.compile("\\s*(입니다|이에요|예요|이요)?[.!?~]*$");

    /**
     * How sure the classifier must be to leave an intent in progress for another one, or to refuse a free-text
     * ({@code sys.any}) answer: an answer to a prompt ("Kim Minsu", 김민수입니다) often looks a little like some intent,
     * and the model's own out-of-scope threshold (tuned for first messages) is far lower than this.
     */
    static final double SWITCH_CONFIDENCE = 0.8;

    private final Bot bot;
    private final IntentParser parser;
    private final EntityExtractor extractor;
    private final Locale locale;
    private final ZoneId zone;
    private final Map<String, SlotFiller> fillers = new HashMap<>();

    /** @throws io.gureum.core.Problem 422 {@code invalid_bot} when the bot is not valid */
    public DialogEngine(Bot bot, IntentParser parser, EntityExtractor extractor) {
        this.bot = BotValidator.requireValid(bot);
        this.parser = Objects.requireNonNull(parser, "parser");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.locale = BotCompiler.locale(bot);
        this.zone = BotCompiler.zone(bot);
        for (Intent intent : bot.intents()) fillers.put(intent.name(), new SlotFiller(intent));
    }

    /** The bot's own entity extractor. */
    public DialogEngine(Bot bot, IntentParser parser) {
        this(bot, parser, BotCompiler.entityExtractor(bot));
    }

    public Bot bot() { return bot; }

    /**
     * The reply to {@code message} in the session whose state is {@code state}; {@code now} resolves "tomorrow".
     *
     * @throws Problem 422 {@code validation_failed} for an empty message or one over
     *                 {@value EntityExtractor#MAX_CHARACTERS} characters
     */
    public DialogTurn handle(DialogState state, String message, Instant now) {
        return handle(state, message, now, Fulfillment.NONE);
    }

    /**
     * As {@link #handle(DialogState, String, Instant)}, with {@code fulfillment} called for a fulfilled intent
     * marked {@code "webhook": true}.
     *
     * @throws Problem whatever the fulfillment throws; the turn is not taken
     */
    public DialogTurn handle(DialogState state, String message, Instant now, Fulfillment fulfillment) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(fulfillment, "fulfillment");
        Objects.requireNonNull(message, "message");
        String text = message.strip();
        if (text.isEmpty()) throw Problem.invalid("message is empty");
        Turn t = new Turn(state, text, parser.parse(text), aged(state.contexts()), fulfillment);
        List<ExtractedEntity> entities = extractor.extract(text, new ExtractionContext(now, zone, locale));
        Intent current = inProgress(state);
        if (current != null) {
            Map<String, SlotValue> filled = fillers.get(current.name()).fill(text, entities, state.requestedSlot());
            // restating a value already held ("tomorrow" in "what's the weather tomorrow") answers nothing
            filled.entrySet().removeIf(e -> e.getValue().value().equals(valueOf(state.slots().get(e.getKey()))));
            Slot requested = state.requestedSlot() == null ? null : current.slot(state.requestedSlot());
            if (filled.isEmpty() && requested != null && Slot.ANY.equals(requested.entityType()) && !text.isEmpty()) {
                IntentConfidence other = recognised(t);
                if (other == null || other.intent().equals(current.name()) || other.confidence() < SWITCH_CONFIDENCE) filled.put(requested.name(), new SlotValue(anyValue(text), text));
            }
            if (!filled.isEmpty()) {
                Map<String, SlotValue> slots = new LinkedHashMap<>(state.slots());
                slots.putAll(filled);
                return advance(t, current, slots, filled.keySet());
            }
            if (state.confirming()) {
                YesNo.Answer answer = YesNo.of(text);
                if (answer == YesNo.Answer.YES) return fulfil(t, current, state.slots());
                if (answer == YesNo.Answer.NO) {
                    String declined = Templates.render(current.confirmation().declined(), values(state.slots()));
                    return new DialogTurn(new Reply(declined, List.of()), current.name(), t.confidence(current.name()), state.slots(),
                            DialogStatus.DECLINED, new DialogState(null, Map.of(), null, false, 0, t.contexts, t.number()));
                }
            }
            IntentConfidence next = recognised(t);
            if (next == null || !next.intent().equals(current.name()) && next.confidence() < SWITCH_CONFIDENCE) {
                return fallback(t, current, state.slots());
            }
            if (!next.intent().equals(current.name())) return start(t, bot.intent(next.intent()), entities);
            return advance(t, current, state.slots(), List.of());
        }
        IntentConfidence next = recognised(t);
        if (next == null) return fallback(t, null, Map.of());
        return start(t, bot.intent(next.intent()), entities);
    }

    /** One message being handled: the state before it, its parse, and the contexts as they stand after it. */
    private record Turn(DialogState before, String text, IntentParse parse, List<ActiveContext> contexts, Fulfillment fulfillment) {
        int number() { return before.turn() + 1; }

        double confidence(String intent) {
            for (IntentConfidence c : parse.ranking()) if (c.intent().equals(intent)) return c.confidence();
            return 0;
        }
    }

    /**
     * The intent the state is in the middle of, or null; also null for a state the bot no longer fits (stored before
     * the bot was changed: the intent, the asked-for slot or the confirmation is gone), which then starts afresh.
     */
    private Intent inProgress(DialogState state) {
        Intent intent = state.intent() == null ? null : bot.intent(state.intent());
        if (intent == null) return null;
        boolean fits = state.confirming() ? intent.confirmation() != null : intent.slot(state.requestedSlot()) != null;
        return fits ? intent : null;
    }

    /** The message's intent if it is in scope and its input contexts are active, else null. */
    private IntentConfidence recognised(Turn t) {
        Optional<IntentConfidence> top = t.parse().intent();
        if (top.isEmpty()) return null;
        Intent intent = bot.intent(top.get().intent());
        if (intent == null) return null;
        for (String context : intent.inputContexts()) if (!t.before().contextActive(context)) return null;
        return top.get();
    }

    private DialogTurn start(Turn t, Intent intent, List<ExtractedEntity> entities) {
        Map<String, SlotValue> filled = fillers.get(intent.name()).fill(t.text(), entities, null);
        return advance(t, intent, filled, filled.keySet());
    }

    /** After slots changed: check the new values, then ask for the next missing slot, confirm, or fulfil. */
    private DialogTurn advance(Turn t, Intent intent, Map<String, SlotValue> slots, Iterable<String> changed) {
        Map<String, SlotValue> kept = new LinkedHashMap<>(slots);
        String invalid = null;
        for (String name : changed) {
            Slot slot = intent.slot(name);
            if (slot.validation() != null && !valid(slot.validation(), kept.get(name).value())) {
                if (invalid == null) invalid = Templates.render(slot.validation().message(), values(kept));
                kept.remove(name);
            }
        }
        for (Slot slot : intent.slots()) {
            if (slot.required() && !kept.containsKey(slot.name())) {
                DialogState before = t.before();
                int attempts = slot.name().equals(before.requestedSlot()) && intent.name().equals(before.intent()) ? before.attempts() + 1 : 0;
                String prompt = prompt(slot, attempts, kept);
                String text = invalid == null ? prompt : invalid + " " + prompt;
                return new DialogTurn(new Reply(text, List.of()), intent.name(), t.confidence(intent.name()), kept, DialogStatus.COLLECTING,
                        new DialogState(intent.name(), kept, slot.name(), false, attempts, t.contexts(), t.number()));
            }
        }
        if (intent.confirmation() != null) {
            Reply confirm = confirmation(intent, kept);
            return new DialogTurn(invalid == null ? confirm : new Reply(invalid + " " + confirm.text(), confirm.quickReplies()), intent.name(),
                    t.confidence(intent.name()), kept, DialogStatus.CONFIRMING,
                    new DialogState(intent.name(), kept, null, true, 0, t.contexts(), t.number()));
        }
        return fulfil(t, intent, kept);
    }

    private DialogTurn fulfil(Turn t, Intent intent, Map<String, SlotValue> filled) {
        Map<String, SlotValue> slots = filled;
        Reply reply = null;
        if (intent.webhook()) {
            Optional<Fulfillment.Result> answer = t.fulfillment().fulfill(new Fulfillment.Request(intent.name(), values(filled), t.text()));
            if (answer.isPresent()) {
                slots = new LinkedHashMap<>(filled);
                for (Map.Entry<String, String> set : answer.get().slots().entrySet()) slots.put(set.getKey(), new SlotValue(set.getValue(), set.getValue()));
                reply = answer.get().reply();
            }
        }
        if (reply == null) {
            Response r = intent.responses().get(t.number() % intent.responses().size());
            reply = new Reply(Templates.render(r.text(), values(slots)), r.quickReplies());
        }
        List<ActiveContext> contexts = new ArrayList<>(t.contexts());
        for (OutputContext out : intent.outputContexts()) {
            contexts.removeIf(c -> c.name().equals(out.name()));
            contexts.add(new ActiveContext(out.name(), out.lifespan()));
        }
        return new DialogTurn(reply, intent.name(), t.confidence(intent.name()), slots, DialogStatus.FULFILLED,
                new DialogState(null, Map.of(), null, false, 0, contexts, t.number()));
    }

    /** A fallback response; an intent in progress keeps its slots and asks its question again. */
    private DialogTurn fallback(Turn t, Intent current, Map<String, SlotValue> slots) {
        Response fallback = bot.fallback().get(t.number() % bot.fallback().size());
        DialogState before = t.before();
        Reply reply = new Reply(fallback.text(), fallback.quickReplies());
        if (current != null) {
            Reply again = before.confirming() ? confirmation(current, slots) : new Reply(prompt(current.slot(before.requestedSlot()), before.attempts(), slots), List.of());
            reply = new Reply(fallback.text() + " " + again.text(), again.quickReplies().isEmpty() ? fallback.quickReplies() : again.quickReplies());
        }
        double confidence = t.parse().ranking().isEmpty() ? 0 : t.parse().ranking().get(0).confidence();
        return new DialogTurn(reply, current == null ? null : current.name(), confidence, slots, DialogStatus.FALLBACK,
                new DialogState(before.intent(), before.slots(), before.requestedSlot(), before.confirming(), before.attempts(), t.contexts(), t.number()));
    }

    /** The slot's prompts in turn: the first, then the next on each repeat. */
    private static String prompt(Slot slot, int attempts, Map<String, SlotValue> slots) {
        return Templates.render(slot.prompts().get(attempts % slot.prompts().size()), values(slots));
    }

    private Reply confirmation(Intent intent, Map<String, SlotValue> slots) {
        List<String> buttons = locale.getLanguage().equals("ko") ? List.of("네", "아니요") : List.of("Yes", "No");
        return new Reply(Templates.render(intent.confirmation().prompt(), values(slots)), buttons);
    }

    /** Contexts one message older: each loses a turn, and those with none left are gone. */
    private static List<ActiveContext> aged(List<ActiveContext> contexts) {
        List<ActiveContext> aged = new ArrayList<>();
        for (ActiveContext c : contexts) if (c.turnsLeft() > 1) aged.add(new ActiveContext(c.name(), c.turnsLeft() - 1));
        return aged;
    }

    private static boolean valid(SlotValidation v, String value) {
        if (v.min() != null || v.max() != null) {
            double number;
            try {
                number = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                return false;
            }
            if (v.min() != null && number < v.min()) return false;
            if (v.max() != null && number > v.max()) return false;
        }
        return v.pattern() == null || Pattern.compile(v.pattern()).matcher(value).matches();
    }

    private static String valueOf(SlotValue slot) {
        return slot == null ? null : slot.value();
    }

    private static Map<String, String> values(Map<String, SlotValue> slots) {
        Map<String, String> values = new LinkedHashMap<>();
        slots.forEach((name, v) -> values.put(name, v.value()));
        return values;
    }

    /** A free-text answer without "my name is" / "제 이름은" around it. */
    private static String anyValue(String text) {
        String value = ANY_SUFFIX.matcher(ANY_PREFIX.matcher(text).replaceFirst("")).replaceFirst("");
        return value.isBlank() ? text : value;
    }
}
