package io.gureum.chatbot.entities;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class SystemEntityExtractionTest {
    /** Thursday 2026-11-26 10:00 in Seoul. */
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final ExtractionContext CONTEXT = new ExtractionContext(
            LocalDateTime.of(2026, 11, 26, 10, 0).atZone(SEOUL).toInstant(), SEOUL, Locale.KOREAN);
    static final EntityExtractor ALL = new EntityExtractor(List.of(SystemEntity.values()));

    @Test
    void theReferenceDayIsAThursday() {
        assertThat(CONTEXT.today().getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
    }

    @ParameterizedTest(name = "{0} -> {1} \"{2}\" = {3}")
    @CsvSource(delimiter = '|', textBlock = """
            내일 오후 3시                 | sys.datetime | 내일 오후 3시                | 2026-11-27T15:00
            내일 오후 3시에 가요           | sys.datetime | 내일 오후 3시                | 2026-11-27T15:00
            다음 주 금요일 저녁 7시 30분    | sys.datetime | 다음 주 금요일 저녁 7시 30분   | 2026-12-04T19:30
            tomorrow at 7pm              | sys.datetime | tomorrow at 7pm             | 2026-11-27T19:00
            7:30 pm on Friday            | sys.datetime | 7:30 pm on Friday           | 2026-11-27T19:30
            tonight at 8                 | sys.datetime | tonight at 8                | 2026-11-26T20:00
            오늘 밤 9시                   | sys.datetime | 오늘 밤 9시                  | 2026-11-26T21:00
            call me in 2 hours           | sys.datetime | in 2 hours                  | 2026-11-26T12:00
            in an hour                   | sys.datetime | in an hour                  | 2026-11-26T11:00
            30분 후에 알려줘              | sys.datetime | 30분 후                     | 2026-11-26T10:30
            두 시간 뒤                    | sys.datetime | 두 시간 뒤                   | 2026-11-26T12:00
            next Friday                  | sys.date     | next Friday                 | 2026-12-04
            this Friday                  | sys.date     | this Friday                 | 2026-11-27
            see you Friday               | sys.date     | Friday                      | 2026-11-27
            next Thursday                | sys.date     | next Thursday               | 2026-12-03
            see you Thursday             | sys.date     | Thursday                    | 2026-12-03
            다음 주 금요일                 | sys.date     | 다음 주 금요일                | 2026-12-04
            다음주 금요일에                | sys.date     | 다음주 금요일                 | 2026-12-04
            이번 주 토요일                 | sys.date     | 이번 주 토요일                | 2026-11-28
            금요일까지                     | sys.date     | 금요일                       | 2026-11-27
            today                        | sys.date     | today                       | 2026-11-26
            tomorrow                     | sys.date     | tomorrow                    | 2026-11-27
            the day after tomorrow       | sys.date     | the day after tomorrow      | 2026-11-28
            yesterday                    | sys.date     | yesterday                   | 2026-11-25
            오늘                          | sys.date     | 오늘                         | 2026-11-26
            내일은 어때                    | sys.date     | 내일                         | 2026-11-27
            모레                          | sys.date     | 모레                         | 2026-11-28
            내일모레                       | sys.date     | 내일모레                      | 2026-11-28
            this weekend                 | sys.date     | this weekend                | 2026-11-28
            다음 주말                      | sys.date     | 다음 주말                     | 2026-12-05
            on March 5                   | sys.date     | March 5                     | 2027-03-05
            Dec 25th                     | sys.date     | Dec 25th                    | 2026-12-25
            5 March 2027                 | sys.date     | 5 March 2027                | 2027-03-05
            3월 5일                       | sys.date     | 3월 5일                      | 2027-03-05
            12월 25일에 만나요             | sys.date     | 12월 25일                    | 2026-12-25
            2027년 1월 2일                 | sys.date     | 2027년 1월 2일                | 2027-01-02
            5/3                          | sys.date     | 5/3                         | 2027-05-03
            2026-12-31                   | sys.date     | 2026-12-31                  | 2026-12-31
            in 3 days                    | sys.date     | in 3 days                   | 2026-11-29
            at 7pm                       | sys.time     | 7pm                         | 19:00
            7 p.m.                       | sys.time     | 7 p.m.                      | 19:00
            12am                         | sys.time     | 12am                        | 00:00
            7:30                         | sys.time     | 7:30                        | 07:30
            19:45                        | sys.time     | 19:45                       | 19:45
            at 3                         | sys.time     | 3                           | 15:00
            at seven o'clock             | sys.time     | seven o'clock               | 07:00
            noon                         | sys.time     | noon                        | 12:00
            midnight                     | sys.time     | midnight                    | 00:00
            오후 3시                      | sys.time     | 오후 3시                     | 15:00
            오후3시                       | sys.time     | 오후3시                      | 15:00
            오전 10시 15분                 | sys.time     | 오전 10시 15분                | 10:15
            저녁 7시 30분                  | sys.time     | 저녁 7시 30분                 | 19:30
            3시 반                        | sys.time     | 3시 반                       | 15:30
            세 시에                       | sys.time     | 세 시                        | 15:00
            밤 12시                       | sys.time     | 밤 12시                      | 00:00
            아침 8시                      | sys.time     | 아침 8시                     | 08:00
            정오                          | sys.time     | 정오                         | 12:00
            자정에                        | sys.time     | 자정                         | 00:00
            4명                           | sys.number   | 4명                          | 4
            4명이요                        | sys.number   | 4명                          | 4
            두 명                         | sys.number   | 두 명                         | 2
            세 분이요                      | sys.number   | 세 분                         | 3
            스물다섯 살                    | sys.number   | 스물다섯 살                    | 25
            열한 개                       | sys.number   | 열한 개                       | 11
            하나만 주세요                  | sys.number   | 하나                          | 1
            둘이서                        | sys.number   | 둘                           | 2
            삼천오백                       | sys.number   | 삼천오백                      | 3500
            이십 명                       | sys.number   | 이십 명                       | 20
            삼 인분                       | sys.number   | 삼 인분                       | 3
            5천 원                        | sys.number   | 5천 원                        | 5000
            two people                   | sys.number   | two                         | 2
            Twenty-one                   | sys.number   | Twenty-one                  | 21
            a hundred and five           | sys.number   | a hundred and five          | 105
            two thousand three hundred   | sys.number   | two thousand three hundred  | 2300
            1,234 won                    | sys.number   | 1,234                       | 1234
            pay 3.50 now                 | sys.number   | 3.50                        | 3.5
            -7 degrees                   | sys.number   | -7                          | -7
            mail hi.there@example.com    | sys.email    | hi.there@example.com        | hi.there@example.com
            010-1234-5678로 전화           | sys.phone    | 010-1234-5678               | 010-1234-5678
            call +1 415 555 2671         | sys.phone    | +1 415 555 2671             | +1 415 555 2671
            see https://gureum.io/docs.  | sys.url      | https://gureum.io/docs      | https://gureum.io/docs
            """)
    void resolvesAgainstTheReferenceTime(String text, String type, String span, String value) {
        List<ExtractedEntity> found = ALL.extract(text, CONTEXT);
        assertThat(found).as("in '%s': %s", text, found)
                .filteredOn(e -> e.type().equals(type)).singleElement()
                .satisfies(e -> {
                    assertThat(e.text()).isEqualTo(span);
                    assertThat(text.substring(e.start(), e.end())).isEqualTo(span);
                    assertThat(e.value()).isEqualTo(value);
                    assertThat(e.confidence()).isBetween(0.0, 1.0);
                });
    }

    @ParameterizedTest(name = "{0} has no {1}")
    @CsvSource(delimiter = '|', textBlock = """
            네, 알겠습니다              | sys.number
            세상에                     | sys.number
            한국 음식                   | sys.number
            천천히 말해 주세요           | sys.number
            이번에는 괜찮아요            | sys.number
            이분이 사장님이에요          | sys.number
            someone often calls        | sys.number
            the 4th item               | sys.number
            A4 paper                   | sys.number
            version 2.0.1              | sys.number
            Mark 5 is here             | sys.date
            may I help                 | sys.date
            2/30                       | sys.date
            13월 5일                    | sys.date
            시작해 주세요                | sys.time
            3시간 동안                  | sys.time
            25시                       | sys.time
            at 10:75                   | sys.time
            root@localhost             | sys.email
            report.pdf                 | sys.url
            """)
    void nearMissesAreNotEntities(String text, String type) {
        assertThat(ALL.extract(text, CONTEXT)).as("in '%s'", text).noneMatch(e -> e.type().equals(type));
    }

    @Test
    void aDateAndATimeAreSeparateWhenTheBotDoesNotAskForDateTimes() {
        var extractor = new EntityExtractor(List.of(SystemEntity.DATE, SystemEntity.TIME));
        assertThat(extractor.extract("내일 오후 3시에 4명", CONTEXT))
                .extracting(ExtractedEntity::type, ExtractedEntity::text, ExtractedEntity::value)
                .containsExactly(tuple("sys.date", "내일", "2026-11-27"),
                        tuple("sys.time", "오후 3시", "15:00"));
    }

    @Test
    void aWholeBookingInKoreanAndEnglish() {
        assertThat(ALL.extract("내일 오후 3시에 4명 예약해 주세요", CONTEXT))
                .extracting(ExtractedEntity::type, ExtractedEntity::value)
                .containsExactly(tuple("sys.datetime", "2026-11-27T15:00"),
                        tuple("sys.number", "4"));
        assertThat(ALL.extract("book a table for two people next Friday at 7:30pm", CONTEXT))
                .extracting(ExtractedEntity::type, ExtractedEntity::value)
                .containsExactly(tuple("sys.number", "2"),
                        tuple("sys.datetime", "2026-12-04T19:30"));
    }

    @Test
    void aPhoneNumberIsOneEntityNotThreeNumbers() {
        assertThat(ALL.extract("010-1234-5678", CONTEXT)).extracting(ExtractedEntity::type).containsExactly("sys.phone");
        var numbersOnly = new EntityExtractor(List.of(SystemEntity.NUMBER));
        assertThat(numbersOnly.extract("010-1234-5678 or 5/3 at 7:30", CONTEXT)).isEmpty();
    }

    @Test
    void monthFirstOrDayFirstFollowsTheLocale() {
        var british = new ExtractionContext(CONTEXT.referenceTime(), SEOUL, Locale.UK);
        var dates = new EntityExtractor(List.of(SystemEntity.DATE));
        assertThat(dates.extract("5/3", british)).extracting(ExtractedEntity::value).containsExactly("2027-03-05");
        assertThat(dates.extract("5/3", new ExtractionContext(CONTEXT.referenceTime(), SEOUL, Locale.US)))
                .extracting(ExtractedEntity::value).containsExactly("2027-05-03");
    }

    @Test
    void relativeDaysFollowTheZone() {
        // 10:00 in Seoul is 01:00 UTC the same day, but 17:00 the day before in Los Angeles
        var la = new ExtractionContext(CONTEXT.referenceTime(), ZoneId.of("America/Los_Angeles"), Locale.US);
        assertThat(new EntityExtractor(List.of(SystemEntity.DATE)).extract("tomorrow", la))
                .extracting(ExtractedEntity::value).containsExactly("2026-11-26");
    }
}
