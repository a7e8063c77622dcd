package io.gureum.chatbot.entities;

import io.gureum.core.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.gureum.chatbot.entities.SystemEntityExtractionTest.CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

class CustomEntityTest {
    static final ListEntity PIZZA = new ListEntity("pizza", List.of(
            new ListEntity.Value("pepperoni", "pepperoni pizza", "페퍼로니", "페퍼로니 피자"),
            new ListEntity.Value("cheese", "cheese pizza", "치즈", "치즈 피자"),
            new ListEntity.Value("any", "피자", "pizza")));
    static final EntityExtractor EXTRACTOR = new EntityExtractor(List.of(PIZZA,
            new RegexEntity("order_id", "[A-Z]{2}-\\d{6}"), SystemEntity.NUMBER, SystemEntity.DATE));

    @ParameterizedTest(name = "{0} -> \"{1}\" = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            I want a Pepperoni Pizza please | Pepperoni Pizza | pepperoni
            CHEESE, please                 | CHEESE          | cheese
            치즈 피자를 주세요               | 치즈 피자        | cheese
            피자를 시킬래요                  | 피자            | any
            페퍼로니로 할게요                | 페퍼로니         | pepperoni
            just a pizza                   | pizza           | any
            """)
    void listEntitiesTakeTheLongestSynonymIgnoringCaseAndParticles(String text, String span, String value) {
        assertThat(EXTRACTOR.extract(text, CONTEXT)).filteredOn(e -> e.type().equals("pizza"))
                .extracting(ExtractedEntity::text, ExtractedEntity::value, ExtractedEntity::confidence)
                .containsExactly(tuple(span, value, 1.0));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            pizzas and pizzeria
            치즈케이크 주세요
            피자집 어디예요
            superpizza
            """)
    void listEntitiesMatchWholeWordsOnly(String text) {
        assertThat(EXTRACTOR.extract(text, CONTEXT)).noneMatch(e -> e.type().equals("pizza"));
    }

    @Test
    void offsetsCountUtf16Units() {
        assertThat(EXTRACTOR.extract("😀 피자를 두 개", CONTEXT))
                .extracting(ExtractedEntity::type, ExtractedEntity::start, ExtractedEntity::end, ExtractedEntity::value)
                .containsExactly(tuple("pizza", 3, 5, "any"), tuple("sys.number", 7, 10, "2"));
    }

    @Test
    void regexEntitiesGiveTheMatchedText() {
        assertThat(EXTRACTOR.extract("where is order AB-123456?", CONTEXT))
                .extracting(ExtractedEntity::type, ExtractedEntity::text, ExtractedEntity::value)
                .containsExactly(tuple("order_id", "AB-123456", "AB-123456"));
    }

    @Test
    void theLongerSpanWinsThenTheBotsOwnEntity() {
        var days = new ListEntity("day", List.of(new ListEntity.Value("fri", "friday"), new ListEntity.Value("tmr", "tomorrow")));
        var extractor = new EntityExtractor(List.of(SystemEntity.DATE, days));
        assertThat(extractor.extract("next Friday", CONTEXT)).extracting(ExtractedEntity::type).containsExactly("sys.date");
        assertThat(extractor.extract("tomorrow", CONTEXT)).extracting(ExtractedEntity::type, ExtractedEntity::value)
                .containsExactly(tuple("day", "tmr"));
    }

    @Test
    void aBadPatternIsRefusedNamingTheEntity() {
        assertThatThrownBy(() -> new RegexEntity("order_id", "([A-Z]{2}"))
                .isInstanceOf(Problem.class).hasMessageContaining("entity 'order_id'").hasMessageContaining("invalid regular expression");
        assertThatThrownBy(() -> new RegexEntity("code", "\\d*"))
                .isInstanceOf(Problem.class).hasMessageContaining("entity 'code'").hasMessageContaining("matches empty text");
    }

    @Test
    void tooLongATextIsRefused() {
        String text = "피자 ".repeat(EntityExtractor.MAX_CHARACTERS);
        assertThatThrownBy(() -> EXTRACTOR.extract(text, CONTEXT))
                .isInstanceOf(Problem.class).hasMessageContaining("at most " + EntityExtractor.MAX_CHARACTERS);
    }

    @Test
    void definitionsAreValidated() {
        assertThatThrownBy(() -> new ListEntity("sys.food", List.of(new ListEntity.Value("x"))))
                .isInstanceOf(Problem.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> new ListEntity("has space", List.of(new ListEntity.Value("x"))))
                .isInstanceOf(Problem.class).hasMessageContaining("entity name 'has space'");
        assertThatThrownBy(() -> new ListEntity("food", List.of()))
                .isInstanceOf(Problem.class).hasMessageContaining("at least one value");
        assertThatThrownBy(() -> new ListEntity.Value("x", " "))
                .isInstanceOf(Problem.class).hasMessageContaining("synonym is blank");
        assertThatThrownBy(() -> new EntityExtractor(List.of(PIZZA, PIZZA)))
                .isInstanceOf(Problem.class).hasMessageContaining("'pizza' is defined twice");
        assertThatThrownBy(() -> new EntityExtractor(List.of()))
                .isInstanceOf(Problem.class).hasMessageContaining("at least one entity type");
    }
}
