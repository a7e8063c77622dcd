package io.gureum.chatbot.entities;

import io.gureum.core.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

class AnnotatedPhraseTest {
    @Test
    void englishPhrase() {
        AnnotatedPhrase phrase = AnnotatedPhrase.parse("book a table for [4](people) at [7pm](time)");
        assertThat(phrase.text()).isEqualTo("book a table for 4 at 7pm");
        assertThat(phrase.slots()).extracting(SlotAnnotation::slot, SlotAnnotation::text, SlotAnnotation::start, SlotAnnotation::end)
                .containsExactly(tuple("people", "4", 17, 18), tuple("time", "7pm", 22, 25));
    }

    @Test
    void koreanPhrase() {
        AnnotatedPhrase phrase = AnnotatedPhrase.parse("[내일](date) [오후 3시](time)에 [4명](people) 예약");
        assertThat(phrase.text()).isEqualTo("내일 오후 3시에 4명 예약");
        for (SlotAnnotation slot : phrase.slots()) assertThat(phrase.text().substring(slot.start(), slot.end())).isEqualTo(slot.text());
        assertThat(phrase.slots()).extracting(SlotAnnotation::slot, SlotAnnotation::text)
                .containsExactly(tuple("date", "내일"), tuple("time", "오후 3시"), tuple("people", "4명"));
    }

    @Test
    void plainBracketsAndParentheses() {
        AnnotatedPhrase phrase = AnnotatedPhrase.parse("a \\[note\\] (aside) for [two](people)");
        assertThat(phrase.text()).isEqualTo("a [note] (aside) for two");
        assertThat(phrase.slots()).extracting(SlotAnnotation::slot, SlotAnnotation::start).containsExactly(tuple("people", 21));
        assertThat(AnnotatedPhrase.parse("no slots here").slots()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> column {1}")
    @CsvSource(delimiter = '|', textBlock = """
            book for [4(people)              | 10 | never closed
            book for [4] people              | 13 | expected '(slot)'
            book for [4](people              | 13 | never closed
            book for [4]() now               | 13 | empty slot name
            book for [](people)              | 10 | no text
            book for [a [b](x)](y)           | 13 | do not nest
            book for 4](people)              | 11 | without a matching '['
            book for [4](two words)          | 14 | slot name 'two words'
            [내일](date) [오후 3시](time 에     | 19 | never closed
            """)
    void malformedAnnotationsPointAtTheColumn(String annotated, int column, String message) {
        Problem problem = catchThrowableOfType(Problem.class, () -> AnnotatedPhrase.parse(annotated));
        assertThat(problem).as(annotated).isNotNull();
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.extensions()).containsEntry("column", column);
        assertThat(problem.getMessage()).contains("column " + column).contains(message);
    }
}
