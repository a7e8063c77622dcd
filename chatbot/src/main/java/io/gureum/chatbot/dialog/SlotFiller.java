package io.gureum.chatbot.dialog;

import io.gureum.chatbot.bot.Intent;
import io.gureum.chatbot.bot.Slot;
import io.gureum.chatbot.entities.AnnotatedPhrase;
import io.gureum.chatbot.entities.ExtractedEntity;
import io.gureum.chatbot.entities.SlotAnnotation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches a message's entities to one intent's slots by entity type. Where several slots share a type ("from
 * [Seoul](origin) to [Busan](destination)"), the word just before or after an entity decides, as learned from the
 * intent's annotated phrases; then the slot being asked for; then the slots' order.
 */
final class SlotFiller {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final Intent intent;
    private final Map<String, Set<String>> wordsBefore = new HashMap<>();
    private final Map<String, Set<String>> wordsAfter = new HashMap<>();

    SlotFiller(Intent intent) {
        this.intent = intent;
        for (String phrase : intent.phrases()) {
            AnnotatedPhrase parsed = AnnotatedPhrase.parse(phrase);
            for (SlotAnnotation a : parsed.slots()) {
                String before = lastWord(parsed.text().substring(0, a.start()));
                String after = firstWord(parsed.text().substring(a.end()));
                if (before != null) wordsBefore.computeIfAbsent(a.slot(), k -> new HashSet<>()).add(before);
                if (after != null) wordsAfter.computeIfAbsent(a.slot(), k -> new HashSet<>()).add(after);
            }
        }
    }

    /** The slots this message's entities fill, by slot name; a slot filled before is overwritten (a correction). */
    Map<String, SlotValue> fill(String text, List<ExtractedEntity> entities, String requestedSlot) {
        Map<String, SlotValue> filled = new LinkedHashMap<>();
        List<ExtractedEntity> left = new ArrayList<>();
        for (ExtractedEntity e : entities) {
            List<Slot> candidates = slotsOfType(e.type());
            if (candidates.isEmpty()) continue;
            Slot byContext = candidates.size() > 1 ? byContext(text, e, candidates, filled) : null;
            if (byContext != null) filled.put(byContext.name(), new SlotValue(e.value(), e.text()));
            else left.add(e);
        }
        Slot requested = requestedSlot == null ? null : intent.slot(requestedSlot);
        if (requested != null && !filled.containsKey(requested.name())) {
            for (ExtractedEntity e : left) {
                if (e.type().equals(requested.entityType())) {
                    filled.put(requested.name(), new SlotValue(e.value(), e.text()));
                    left.remove(e);
                    break;
                }
            }
        }
        for (ExtractedEntity e : left) {
            for (Slot slot : slotsOfType(e.type())) {
                if (!filled.containsKey(slot.name())) {
                    filled.put(slot.name(), new SlotValue(e.value(), e.text()));
                    break;
                }
            }
        }
        return filled;
    }

    private List<Slot> slotsOfType(String type) {
        List<Slot> slots = new ArrayList<>();
        for (Slot slot : intent.slots()) if (slot.entityType().equals(type)) slots.add(slot);
        return slots;
    }

    private Slot byContext(String text, ExtractedEntity e, List<Slot> candidates, Map<String, SlotValue> filled) {
        String before = lastWord(text.substring(0, e.start()));
        String after = firstWord(text.substring(e.end()));
        for (Slot slot : candidates) {
            if (filled.containsKey(slot.name())) continue;
            if (before != null && wordsBefore.getOrDefault(slot.name(), Set.of()).contains(before)) return slot;
            if (after != null && wordsAfter.getOrDefault(slot.name(), Set.of()).contains(after)) return slot;
        }
        return null;
    }

    private static String lastWord(String text) {
        Matcher m = WORD.matcher(text);
        String last = null;
        while (m.find()) last = m.group();
        return last == null ? null : last.toLowerCase(Locale.ROOT);
    }

    private static String firstWord(String text) {
        Matcher m = WORD.matcher(text);
        return m.find() ? m.group().toLowerCase(Locale.ROOT) : null;
    }
}
