package io.gureum.chatbot.dialog;

import io.gureum.chatbot.bot.Intent;
import io.gureum.chatbot.bot.Slot;
import io.gureum.chatbot.entities.EntityExtractor;
import io.gureum.chatbot.entities.ExtractionContext;
import io.gureum.chatbot.entities.SystemEntity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class SlotFillerTest {
    private static final ExtractionContext CONTEXT = new ExtractionContext(Instant.parse("2026-11-26T03:00:00Z"), ZoneId.of("Asia/Seoul"), Locale.US);
    private static final EntityExtractor NUMBERS = new EntityExtractor(List.of(SystemEntity.NUMBER));
    /** Two slots of one type: adults and children, told apart by the words next to them in the training phrases. */
    private static final Intent TICKETS = new Intent("tickets",
            List.of("[2](adults) adults and [1](children) kids", "tickets for [3](adults) adults", "[2](children) children"),
            List.of(new Slot("adults", "sys.number", true, List.of("How many adults?"), null),
                    new Slot("children", "sys.number", false, List.of("How many children?"), null)),
            null, List.of(), List.of(), List.of(), false);

    private static Map<String, String> fill(String text, String requested) {
        var filled = new TreeMap<String, String>();
        new SlotFiller(TICKETS).fill(text, NUMBERS.extract(text, CONTEXT), requested).forEach((k, v) -> filled.put(k, v.value()));
        return filled;
    }

    @Test
    void theWordsNextToAValuePickTheSlotOfASharedType() {
        assertThat(fill("4 kids and 2 adults", null)).isEqualTo(Map.of("children", "4", "adults", "2"));
        assertThat(fill("three children", null)).isEqualTo(Map.of("children", "3"));
    }

    @Test
    void withoutContextTheAskedForSlotThenTheSlotsOrder() {
        assertThat(fill("5", "children")).isEqualTo(Map.of("children", "5"));
        assertThat(fill("5", null)).isEqualTo(Map.of("adults", "5"));
        assertThat(fill("5 and 6", null)).isEqualTo(Map.of("adults", "5", "children", "6"));
    }

    @Test
    void yesAndNoInEnglishAndKorean() {
        for (String yes : List.of("yes", "Yeah!", "sure", "correct", "네", "예", "응", "맞아요", "네 맞아요")) {
            assertThat(YesNo.of(yes)).as(yes).isEqualTo(YesNo.Answer.YES);
        }
        for (String no : List.of("no", "nope", "No.", "아니요", "아니", "아니요 괜찮아요")) assertThat(YesNo.of(no)).as(no).isEqualTo(YesNo.Answer.NO);
        assertThat(YesNo.of("maybe later")).isEqualTo(YesNo.Answer.NEITHER);
    }
}
