package io.gureum.language.pii;

import io.gureum.core.Problem;
import io.gureum.language.TextDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Each category on valid examples and near misses. A row is: category | text | what must be found (empty: nothing of
 * that category) | its confidence. Only the row's category is asked for, so a near miss cannot hide behind another
 * category winning the overlap.
 */
class PiiDetectionTest {
    private final PiiDetection pii = new PiiDetection();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # e-mail
            email                        | Write to jane.doe+news@example.co.kr today      | jane.doe+news@example.co.kr     | 0.9
            email                        | Mail: kim@gureum.io.                           | kim@gureum.io                   | 0.9
            email                        | root@localhost                                 | -                               | 0
            email                        | jane..doe@example.com                          | -                               | 0
            email                        | .jane@example.com                              | -                               | 0
            email                        | jane@example.c0m                               | -                               | 0
            # phone numbers: Korean, international, North American
            phoneNumber                  | 전화 010-1234-5678로 주세요                      | 010-1234-5678                   | 0.95
            phoneNumber                  | at 010 1234 5678 or                            | 010 1234 5678                   | 0.85
            phoneNumber                  | at 01012345678 or                              | 01012345678                     | 0.75
            phoneNumber                  | office 02-123-4567                             | 02-123-4567                     | 0.85
            phoneNumber                  | office (031) 123-4567                          | (031) 123-4567                  | 0.85
            phoneNumber                  | from abroad +82 10 1234 5678                   | +82 10 1234 5678                | 0.9
            phoneNumber                  | from abroad +82-2-123-4567                     | +82-2-123-4567                  | 0.9
            phoneNumber                  | from abroad +82 (0)10-1234-5678                | +82 (0)10-1234-5678             | 0.9
            phoneNumber                  | dial +1 415 555 2671                           | +1 415 555 2671                 | 0.9
            phoneNumber                  | dial (415) 555-2671                            | (415) 555-2671                  | 0.8
            phoneNumber                  | dial 1-800-555-0199                            | 1-800-555-0199                  | 0.8
            phoneNumber                  | London +44 20 7946 0958                        | +44 20 7946 0958                | 0.75
            phoneNumber                  | Tel.010-1234-5678                              | 010-1234-5678                   | 0.95
            phoneNumber                  | code 010-12-5678                               | -                               | 0
            phoneNumber                  | order 123-4567                                 | -                               | 0
            phoneNumber                  | short +12 345                                  | -                               | 0
            phoneNumber                  | dial (415) 055-2671                            | -                               | 0
            phoneNumber                  | id 2024-010-1234-5678                          | -                               | 0
            # payment cards: Luhn, issuer prefix, length, consistent grouping
            creditCardNumber             | card 4111 1111 1111 1111 exp                   | 4111 1111 1111 1111             | 0.9
            creditCardNumber             | card 5500-0000-0000-0004                       | 5500-0000-0000-0004             | 0.9
            creditCardNumber             | amex 378282246310005                           | 378282246310005                 | 0.9
            creditCardNumber             | JCB 3530 1113 3330 0000                        | 3530 1113 3330 0000             | 0.9
            creditCardNumber             | card 4111 1111 1111 1111 2025                  | 4111 1111 1111 1111             | 0.9
            creditCardNumber             | card 4111 1111 1111 1112                       | -                               | 0
            creditCardNumber             | no issuer 1234 5678 9012 3452                  | -                               | 0
            creditCardNumber             | mixed 4111-1111 1111-1111                      | -                               | 0
            creditCardNumber             | too short 4111 1111 1111                       | -                               | 0
            # Korean resident registration numbers: check digit, date, century digit
            krResidentRegistrationNumber | 900101-1234568                                 | 900101-1234568                  | 0.95
            krResidentRegistrationNumber | 8506152345674                                  | 8506152345674                   | 0.85
            krResidentRegistrationNumber | 010203-3123451                                 | 010203-3123451                  | 0.95
            krResidentRegistrationNumber | 외국인 900101-5123452                            | 900101-5123452                  | 0.95
            krResidentRegistrationNumber | 아기 210315-4123450                             | 210315-4123450                  | 0.6
            krResidentRegistrationNumber | 주민등록번호: 900101-1234567                     | 900101-1234567                  | 0.5
            krResidentRegistrationNumber | 900101-1234567                                 | -                               | 0
            krResidentRegistrationNumber | 901332-1234568                                 | -                               | 0
            krResidentRegistrationNumber | 900230-1234568                                 | -                               | 0
            krResidentRegistrationNumber | 900101-9234568                                 | -                               | 0
            krResidentRegistrationNumber | 991231-3234568                                 | -                               | 0
            # IP addresses
            ipAddress                    | host 192.168.0.1 is down                       | 192.168.0.1                     | 0.8
            ipAddress                    | 2001:db8::ff00:42:8329                         | 2001:db8::ff00:42:8329          | 0.85
            ipAddress                    | 2001:0db8:85a3:0000:0000:8a2e:0370:7334        | 2001:0db8:85a3:0000:0000:8a2e:0370:7334 | 0.85
            ipAddress                    | mapped ::ffff:192.0.2.128 here                 | ::ffff:192.0.2.128              | 0.85
            ipAddress                    | loopback ::1.                                  | ::1                             | 0.6
            ipAddress                    | link fe80::1: down                             | fe80::1                         | 0.6
            ipAddress                    | 999.1.1.1                                      | -                               | 0
            ipAddress                    | version 1.2.3.4.5                              | -                               | 0
            ipAddress                    | octal 010.1.1.1                                | -                               | 0
            ipAddress                    | at 10:30:00                                    | -                               | 0
            ipAddress                    | mac 00:1A:2B:3C:4D:5E                          | -                               | 0
            ipAddress                    | 2001:db8::1::2                                 | -                               | 0
            ipAddress                    | 1:2:3:4:5:6:7:8:9                              | -                               | 0
            ipAddress                    | 12345::1                                       | -                               | 0
            ipAddress                    | a :: b                                         | -                               | 0
            # IBAN
            iban                         | pay DE89 3704 0044 0532 0130 00 now            | DE89 3704 0044 0532 0130 00     | 0.9
            iban                         | pay GB82WEST12345698765432                     | GB82WEST12345698765432          | 0.9
            iban                         | FR14 2004 1010 0505 0001 3M02 606              | FR14 2004 1010 0505 0001 3M02 606 | 0.9
            iban                         | pay DE88 3704 0044 0532 0130 00 now            | -                               | 0
            iban                         | pay DE89 3704 0044 0532 0130                   | -                               | 0
            iban                         | pay DE89370400440532013000123                  | -                               | 0
            iban                         | pay XX89 3704 0044 0532 0130 00                | -                               | 0
            # URLs
            url                          | See https://example.com/path?q=1.              | https://example.com/path?q=1    | 0.9
            url                          | (see https://en.wikipedia.org/wiki/Seoul_(city)) | https://en.wikipedia.org/wiki/Seoul_(city) | 0.9
            url                          | visit www.gureum.io today                      | www.gureum.io                   | 0.8
            url                          | admin http://192.168.0.1:8080/admin            | http://192.168.0.1:8080/admin   | 0.9
            url                          | dev https://localhost:8080                     | https://localhost:8080          | 0.9
            url                          | https://example.com에서 확인                     | https://example.com             | 0.9
            url                          | ipv6 http://[2001:db8::1]:8080/                | http://[2001:db8::1]:8080/      | 0.9
            url                          | example.com                                    | -                               | 0
            url                          | http://nohost/path                             | -                               | 0
            url                          | http:// nothing                                | -                               | 0
            # dates of birth
            dateOfBirth                  | Born on 1990-01-15 in Seoul                    | 1990-01-15                      | 0.85
            dateOfBirth                  | DOB: 15/01/1990                                | 15/01/1990                      | 0.85
            dateOfBirth                  | 생년월일: 1990.01.15                             | 1990.01.15                      | 0.85
            dateOfBirth                  | 1990년 1월 15일생                                | 1990년 1월 15일                   | 0.85
            dateOfBirth                  | Her birthday is January 15, 1990               | January 15, 1990                | 0.85
            dateOfBirth                  | born 3rd Mar. 1985                             | 3rd Mar. 1985                   | 0.85
            dateOfBirth                  | Meeting on 2021-03-04                          | 2021-03-04                      | 0.3
            dateOfBirth                  | adobe 1990-01-15                               | 1990-01-15                      | 0.3
            dateOfBirth                  | born 1990-02-30                                | -                               | 0
            dateOfBirth                  | born 1990-13-01                                | -                               | 0
            dateOfBirth                  | born 13/13/1990                                | -                               | 0
            dateOfBirth                  | born 1899-12-31                                | -                               | 0
            dateOfBirth                  | born 2090-01-01                                | -                               | 0
            """)
    void findsValidExamplesAndNotNearMisses(String category, String text, String expected, double confidence) {
        PiiCategory wanted = PiiCategory.byWireName(category).orElseThrow();
        List<PiiEntity> entities = pii.detect(List.of(new TextDocument("1", text)), Set.of(wanted), false)
                .documents().get(0).entities();
        if (expected == null) {
            assertThat(entities).as(text).isEmpty();
            return;
        }
        assertThat(entities).as(text).hasSize(1);
        PiiEntity entity = entities.get(0);
        assertThat(entity.category()).isEqualTo(wanted);
        assertThat(entity.text()).isEqualTo(expected);
        assertThat(entity.offset()).isEqualTo(text.indexOf(expected));
        assertThat(entity.length()).isEqualTo(expected.length());
        assertThat(entity.confidence()).isCloseTo(confidence, within(1e-9));
    }

    @Test
    void overlapsGoToTheMoreConfidentThenTheLongerCandidate() {
        String text = "Admin page http://192.168.0.1/admin, card 4111111111111111, ip ::ffff:192.0.2.128";
        List<PiiEntity> entities = pii.detect(List.of(new TextDocument("1", text)), PiiDetection.allCategories(), false)
                .documents().get(0).entities();
        assertThat(entities).extracting(e -> e.category().wireName() + " " + e.text()).containsExactly(
                "url http://192.168.0.1/admin", "creditCardNumber 4111111111111111", "ipAddress ::ffff:192.0.2.128");
    }

    @Test
    void redactsEachEntityWithAsterisksOfTheSameLength() {
        String text = "김철수 010-1234-5678, kim@example.com 🙂 900101-1234568";
        DocumentPii document = pii.detect(List.of(new TextDocument("1", text, "ko")), PiiDetection.allCategories(), true)
                .documents().get(0);
        assertThat(document.redactedText()).isEqualTo("김철수 *************, *************** 🙂 **************");
        assertThat(document.redactedText()).hasSameSizeAs(text);
        PiiEntity rrn = document.entities().get(2);
        assertThat(rrn.offset()).as("UTF-16 units: the emoji counts two").isEqualTo(text.indexOf("900101"));
        assertThat(text.substring(rrn.offset(), rrn.offset() + rrn.length())).isEqualTo(rrn.text());

        DocumentPii plain = pii.detect(List.of(new TextDocument("1", text)), PiiDetection.allCategories(), false).documents().get(0);
        assertThat(plain.redactedText()).isNull();
        assertThat(plain.entities()).hasSize(3);
    }

    @Test
    void findsOnlyTheCategoriesAskedFor() {
        String text = "kim@example.com, 010-1234-5678";
        List<PiiEntity> entities = pii.detect(List.of(new TextDocument("1", text)), EnumSet.of(PiiCategory.PHONE_NUMBER), true)
                .documents().get(0).entities();
        assertThat(entities).extracting(PiiEntity::category).containsExactly(PiiCategory.PHONE_NUMBER);
    }

    @Test
    void aTextWithoutPersonalInformationHasNoEntitiesAndIsUnchanged() {
        DocumentPii document = pii.detect(List.of(new TextDocument("1", "The weather is fine.")), PiiDetection.allCategories(), true)
                .documents().get(0);
        assertThat(document.entities()).isEmpty();
        assertThat(document.redactedText()).isEqualTo("The weather is fine.");
        assertThat(pii.detect(List.of(new TextDocument("1", "")), PiiDetection.allCategories(), true).documents().get(0).redactedText())
                .isEmpty();
    }

    @Test
    void checksDocumentsAndCategories() {
        assertThatThrownBy(() -> pii.detect(List.of(), PiiDetection.allCategories(), true))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("validation_failed"));
        assertThatThrownBy(() -> pii.detect(List.of(new TextDocument("1", "a"), new TextDocument("1", "b")),
                PiiDetection.allCategories(), true)).hasMessageContaining("unique");
        assertThatThrownBy(() -> pii.detect(List.of(new TextDocument("1", "a")), Set.of(), true))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("validation_failed"));
    }

    @Test
    void longRunsOfNearlyMatchingTextFinishWithoutOverflowingTheRegexStack() {
        // Java's regex engine recurses per repetition of a group: "http://a.a.a.a..." once overflowed it
        for (String start : List.of("http://", "www.", "x@", "::", "")) {
            for (String unit : List.of("a.", "a-", "1:", "4111 ", "+44 (0)", "1.")) {
                String text = (start + unit.repeat(5000)).substring(0, 5120);
                assertThat(pii.detect(List.of(new TextDocument("1", text)), PiiDetection.allCategories(), true).documents())
                        .hasSize(1);
            }
        }
    }

    @Test
    void categoryWireNamesAreStable() {
        assertThat(Arrays.stream(PiiCategory.values()).map(PiiCategory::wireName)).containsExactly(
                "email", "phoneNumber", "creditCardNumber", "krResidentRegistrationNumber", "ipAddress", "iban", "url",
                "dateOfBirth");
    }

    @Test
    void checksumsAsPublished() {
        assertThat(CreditCardRecognizer.luhn("79927398713")).isTrue();    // the textbook Luhn example
        assertThat(CreditCardRecognizer.luhn("79927398710")).isFalse();
        assertThat(IbanRecognizer.checkDigitsHold("GB82WEST12345698765432")).isTrue();
        assertThat(IbanRecognizer.checkDigitsHold("GB83WEST12345698765432")).isFalse();
        assertThat(ResidentRegistrationNumberRecognizer.checkDigitHolds("9001011234568")).isTrue();
        assertThat(ResidentRegistrationNumberRecognizer.checkDigitHolds("9001011234567")).isFalse();
    }
}
