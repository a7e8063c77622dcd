package io.gureum.chatbot.bot;

import io.gureum.chatbot.entities.AnnotatedPhrase;
import io.gureum.chatbot.entities.SlotAnnotation;
import io.gureum.chatbot.entities.SystemEntity;
import io.gureum.core.Problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a whole bot definition and reports every error at once, each with the path of the exact place
 * ({@code intents[2].phrases[5]: slot 'time' is not declared}), so that an author fixes them in one pass.
 */
public final class BotValidator {
    /** The locales whose yes/no words and entities the dialog knows. */
    public static final Set<String> LOCALES = Set.of("en-US", "ko-KR");
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_.-]{0,63}");

    private BotValidator() {}

    /** Every error in the definition, in document order; empty when it is valid. */
    public static List<BotError> validate(Bot bot) {
        List<BotError> errors = new ArrayList<>();
        if (bot.name() == null || bot.name().isBlank()) errors.add(new BotError("name", "a bot needs a name"));
        if (bot.locale() == null || !LOCALES.contains(bot.locale())) {
            errors.add(new BotError("locale", "'" + bot.locale() + "' is not supported; use one of en-US, ko-KR"));
        }
        if (bot.timeZone() != null) {
            try {
                ZoneId.of(bot.timeZone());
            } catch (DateTimeException e) {
                errors.add(new BotError("timeZone", "unknown time zone '" + bot.timeZone() + "'"));
            }
        }
        Set<String> entityTypes = entityTypes(bot, errors);
        Set<String> outputContexts = new HashSet<>();
        for (Intent intent : bot.intents()) {
            if (intent != null) for (OutputContext c : intent.outputContexts()) if (c != null && c.name() != null) outputContexts.add(c.name());
        }
        if (bot.intents().size() < 2) errors.add(new BotError("intents", "a bot needs at least two intents (the classifier tells them apart)"));
        Map<String, Integer> intentIndex = new HashMap<>();
        for (int i = 0; i < bot.intents().size(); i++) {
            String path = "intents[" + i + "]";
            Intent intent = bot.intents().get(i);
            if (intent == null) {
                errors.add(new BotError(path, "intent is empty"));
                continue;
            }
            if (intent.name() == null || !NAME.matcher(intent.name()).matches()) {
                errors.add(new BotError(path + ".name", "'" + intent.name() + "' is not a valid name: use 1-64 letters, digits, '_', '-' or '.'"));
            } else {
                Integer earlier = intentIndex.putIfAbsent(intent.name(), i);
                if (earlier != null) errors.add(new BotError(path + ".name", "duplicate intent '" + intent.name() + "' (also intents[" + earlier + "])"));
            }
            intent(path, intent, entityTypes, outputContexts, errors);
        }
        if (bot.fallback().isEmpty()) errors.add(new BotError("fallback", "a bot needs at least one fallback response"));
        for (int i = 0; i < bot.fallback().size(); i++) {
            Response r = bot.fallback().get(i);
            if (r == null || blank(r.text())) errors.add(new BotError("fallback[" + i + "].text", "text is empty"));
            else for (String v : Templates.variables(r.text())) {
                errors.add(new BotError("fallback[" + i + "].text", "variable '{" + v + "}': a fallback has no slots"));
            }
        }
        for (int i = 0; i < bot.outOfScopeExamples().size(); i++) {
            if (blank(bot.outOfScopeExamples().get(i))) errors.add(new BotError("outOfScopeExamples[" + i + "]", "example is empty"));
        }
        webhook(bot, errors);
        return errors;
    }

    private static void webhook(Bot bot, List<BotError> errors) {
        Webhook webhook = bot.webhook();
        if (webhook == null) {
            for (int i = 0; i < bot.intents().size(); i++) {
                Intent intent = bot.intents().get(i);
                if (intent != null && intent.webhook()) errors.add(new BotError("intents[" + i + "].webhook", "the intent calls a webhook but the bot defines none"));
            }
            return;
        }
        URI uri = null;
        try {
            uri = webhook.url() == null ? null : new URI(webhook.url());
        } catch (URISyntaxException e) {
            // reported below
        }
        if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            errors.add(new BotError("webhook.url", "'" + webhook.url() + "' is not an http or https URL"));
        }
        if (webhook.timeoutMillis() != null && (webhook.timeoutMillis() < 100 || webhook.timeoutMillis() > Webhook.MAX_TIMEOUT_MILLIS)) {
            errors.add(new BotError("webhook.timeoutMillis", "must be 100-" + Webhook.MAX_TIMEOUT_MILLIS));
        }
        if (webhook.retries() != null && (webhook.retries() < 0 || webhook.retries() > Webhook.MAX_RETRIES)) {
            errors.add(new BotError("webhook.retries", "must be 0-" + Webhook.MAX_RETRIES));
        }
    }

    /** @throws Problem 422 {@code invalid_bot} with an {@code errors} extension ({@code path}, {@code message} each) */
    public static Bot requireValid(Bot bot) {
        List<BotError> errors = validate(bot);
        if (!errors.isEmpty()) throw invalid(errors);
        return bot;
    }

    /** The 422 {@code invalid_bot} problem for these errors. */
    public static Problem invalid(List<BotError> errors) {
        List<Map<String, String>> list = new ArrayList<>();
        for (BotError e : errors) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("path", e.path());
            m.put("message", e.message());
            list.add(m);
        }
        String detail = errors.size() == 1 ? "The bot definition has an error: " + errors.get(0)
                : "The bot definition has " + errors.size() + " errors; the first: " + errors.get(0);
        return new Problem(422, "invalid_bot", "Bot definition is not valid", detail, Map.of("errors", List.copyOf(list)));
    }

    /** The names slots may refer to: the system entities, {@code sys.any} and the bot's own valid types. */
    private static Set<String> entityTypes(Bot bot, List<BotError> errors) {
        Set<String> known = new HashSet<>();
        for (SystemEntity s : SystemEntity.values()) known.add(s.wireName());
        known.add(Slot.ANY);
        Set<String> defined = new HashSet<>();
        for (int i = 0; i < bot.entityTypes().size(); i++) {
            String path = "entityTypes[" + i + "]";
            EntityTypeDefinition type = bot.entityTypes().get(i);
            if (type == null) {
                errors.add(new BotError(path, "entity type is empty"));
                continue;
            }
            if (type.name() != null && !defined.add(type.name())) {
                errors.add(new BotError(path + ".name", "duplicate entity type '" + type.name() + "'"));
                continue;
            }
            boolean list = !type.values().isEmpty();
            boolean regex = type.pattern() != null;
            if (list == regex) {
                errors.add(new BotError(path, "give either values (a list entity) or a pattern (a regex entity)"));
                continue;
            }
            int before = errors.size();
            for (int v = 0; v < type.values().size(); v++) {
                EntityTypeDefinition.Value value = type.values().get(v);
                if (value == null || blank(value.value())) errors.add(new BotError(path + ".values[" + v + "].value", "value is empty"));
                else for (int s = 0; s < value.synonyms().size(); s++) {
                    if (blank(value.synonyms().get(s))) errors.add(new BotError(path + ".values[" + v + "].synonyms[" + s + "]", "synonym is empty"));
                }
            }
            if (errors.size() > before) continue;
            try {
                BotCompiler.entityType(type);      // the entities package's own checks: name rules, regex syntax
                known.add(type.name());
            } catch (Problem e) {
                errors.add(new BotError(path, e.detail()));
            }
        }
        return known;
    }

    private static void intent(String path, Intent intent, Set<String> entityTypes, Set<String> outputContexts, List<BotError> errors) {
        Map<String, Slot> slots = new HashMap<>();
        for (int s = 0; s < intent.slots().size(); s++) {
            String slotPath = path + ".slots[" + s + "]";
            Slot slot = intent.slots().get(s);
            if (slot == null) {
                errors.add(new BotError(slotPath, "slot is empty"));
                continue;
            }
            if (slot.name() == null || !NAME.matcher(slot.name()).matches()) {
                errors.add(new BotError(slotPath + ".name", "'" + slot.name() + "' is not a valid name: use 1-64 letters, digits, '_', '-' or '.'"));
            } else if (slots.putIfAbsent(slot.name(), slot) != null) {
                errors.add(new BotError(slotPath + ".name", "duplicate slot '" + slot.name() + "'"));
            }
            if (slot.entityType() == null || !entityTypes.contains(slot.entityType())) {
                errors.add(new BotError(slotPath + ".entityType", "unknown entity type '" + slot.entityType() + "'"));
            }
            if (Slot.ANY.equals(slot.entityType()) && !slot.required()) {
                errors.add(new BotError(slotPath + ".required", "a sys.any slot is only filled by answering its prompt, so it must be required"));
            }
            if (slot.required() && slot.prompts().isEmpty()) {
                errors.add(new BotError(slotPath + ".prompts", "required slot '" + slot.name() + "' needs at least one prompt"));
            }
            for (int p = 0; p < slot.prompts().size(); p++) {
                if (blank(slot.prompts().get(p))) errors.add(new BotError(slotPath + ".prompts[" + p + "]", "prompt is empty"));
            }
            validation(slotPath + ".validation", slot, errors);
        }
        for (int s = 0; s < intent.slots().size(); s++) {
            Slot slot = intent.slots().get(s);
            if (slot == null) continue;
            for (int p = 0; p < slot.prompts().size(); p++) variables(path + ".slots[" + s + "].prompts[" + p + "]", slot.prompts().get(p), intent, slots, errors);
            if (slot.validation() != null) variables(path + ".slots[" + s + "].validation.message", slot.validation().message(), intent, slots, errors);
        }
        if (intent.phrases().isEmpty()) errors.add(new BotError(path + ".phrases", "an intent needs at least one training phrase"));
        for (int p = 0; p < intent.phrases().size(); p++) {
            String phrasePath = path + ".phrases[" + p + "]";
            String phrase = intent.phrases().get(p);
            if (blank(phrase)) {
                errors.add(new BotError(phrasePath, "phrase is empty"));
                continue;
            }
            AnnotatedPhrase parsed;
            try {
                parsed = AnnotatedPhrase.parse(phrase);
            } catch (Problem e) {
                errors.add(new BotError(phrasePath, annotationError(phrase, e)));
                continue;
            }
            if (parsed.text().isBlank()) errors.add(new BotError(phrasePath, "phrase has no text"));
            for (SlotAnnotation a : parsed.slots()) {
                if (!slots.containsKey(a.slot())) errors.add(new BotError(phrasePath, "slot '" + a.slot() + "' is not declared"));
            }
        }
        if (intent.confirmation() != null) {
            Confirmation c = intent.confirmation();
            if (blank(c.prompt())) errors.add(new BotError(path + ".confirmation.prompt", "prompt is empty"));
            if (blank(c.declined())) errors.add(new BotError(path + ".confirmation.declined", "say what happens on 'no'"));
            variables(path + ".confirmation.prompt", c.prompt(), intent, slots, errors);
            variables(path + ".confirmation.declined", c.declined(), intent, slots, errors);
        }
        if (intent.responses().isEmpty()) errors.add(new BotError(path + ".responses", "an intent needs at least one response"));
        for (int r = 0; r < intent.responses().size(); r++) {
            Response response = intent.responses().get(r);
            if (response == null || blank(response.text())) errors.add(new BotError(path + ".responses[" + r + "].text", "text is empty"));
            else variables(path + ".responses[" + r + "].text", response.text(), intent, slots, errors);
        }
        for (int c = 0; c < intent.inputContexts().size(); c++) {
            String name = intent.inputContexts().get(c);
            if (!outputContexts.contains(name)) {
                errors.add(new BotError(path + ".inputContexts[" + c + "]", "no intent sets context '" + name + "', so this intent could never match"));
            }
        }
        for (int c = 0; c < intent.outputContexts().size(); c++) {
            OutputContext context = intent.outputContexts().get(c);
            String contextPath = path + ".outputContexts[" + c + "]";
            if (context == null || context.name() == null || !NAME.matcher(context.name()).matches()) {
                errors.add(new BotError(contextPath + ".name", "'" + (context == null ? null : context.name()) + "' is not a valid context name"));
            } else if (context.lifespan() < 1) {
                errors.add(new BotError(contextPath + ".lifespan", "lifespan must be at least 1 turn, not " + context.lifespan()));
            }
        }
    }

    private static void validation(String path, Slot slot, List<BotError> errors) {
        SlotValidation v = slot.validation();
        if (v == null) return;
        if (v.min() != null && v.max() != null && v.min() > v.max()) errors.add(new BotError(path, "min " + v.min() + " is above max " + v.max()));
        if ((v.min() != null || v.max() != null) && !"sys.number".equals(slot.entityType())) {
            errors.add(new BotError(path, "min and max need a sys.number slot, not " + slot.entityType()));
        }
        if (v.pattern() != null) {
            try {
                Pattern.compile(v.pattern());
            } catch (PatternSyntaxException e) {
                errors.add(new BotError(path + ".pattern", "invalid regular expression: " + e.getDescription()));
            }
        }
        if (blank(v.message())) errors.add(new BotError(path + ".message", "say what is wrong with a value that fails"));
    }

    private static void variables(String path, String template, Intent intent, Map<String, Slot> slots, List<BotError> errors) {
        for (String v : Templates.variables(template)) {
            if (!slots.containsKey(v)) errors.add(new BotError(path, "variable '{" + v + "}' is not a slot of intent '" + intent.name() + "'"));
        }
    }

    /** The entities package's message without the phrase it repeats: "column 5: '[' is never closed ...". */
    private static String annotationError(String phrase, Problem e) {
        String prefix = "phrase '" + phrase + "', ";
        String detail = e.detail();
        return detail.startsWith(prefix) ? detail.substring(prefix.length()) : detail;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
