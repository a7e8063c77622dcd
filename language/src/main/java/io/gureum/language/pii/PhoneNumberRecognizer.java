package io.gureum.language.pii;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers in the forms people write them, each with its own confidence:
 * <ul>
 *   <li>Korean mobile {@code 010-1234-5678} (prefixes 010, 011, 016-019; dashes, dots or spaces): {@value #KOREAN},
 *       written together ({@code 01012345678}) {@value #KOREAN_UNSEPARATED};
 *   <li>Korean landline with an area code ({@code 02-123-4567}, {@code 031-123-4567}, {@code (02) 1234-5678}) or
 *       070 internet phone: {@value #KOREAN}, written together {@value #BARE};
 *   <li>Korean numbers in international form ({@code +82 10-1234-5678}, {@code +82 2 123 4567}, {@code +82 (0)10 ...}):
 *       {@value #INTERNATIONAL_KNOWN};
 *   <li>North American (NANP) numbers: {@code +1 415 555 2671} {@value #INTERNATIONAL_KNOWN}, {@code (415) 555-2671} or
 *       {@code 1-800-555-0199} or {@code 415-555-2671} {@value #NANP}, ten digits together {@value #BARE}; the area code
 *       and exchange start 2-9;
 *   <li>any other number in E.164 form, {@code +} and 8-15 digits in groups ({@code +44 20 7946 0958},
 *       {@code +44 (0)20 ...}): {@value #E164}.
 * </ul>
 * A word such as "phone", "tel", "call", "전화", "연락처" or "휴대폰" just before the number adds {@value #CONTEXT_BONUS}
 * (up to {@value #MAX}).
 */
final class PhoneNumberRecognizer implements PiiRecognizer {
    static final double KOREAN = 0.85;
    static final double KOREAN_UNSEPARATED = 0.75;
    static final double INTERNATIONAL_KNOWN = 0.9;
    static final double NANP = 0.8;
    static final double E164 = 0.75;
    static final double BARE = 0.4;
    static final double CONTEXT_BONUS = 0.1;
    static final double MAX = 0.95;

    private static final String SEP = "[-. ]?";
    /** Not inside a longer number or word ("2024-010-..."), but "Tel.010-..." is fine. */
    private static final String BEFORE = "(?<![0-9A-Za-z+]|[0-9][.-])";
    private static final String AFTER = "(?![0-9A-Za-z]|[-.]\\d)";
    private static final String KOREAN_AREA = "(?:2|3[1-3]|4[1-4]|5[1-5]|6[1-4]|70)";

    private record Form(Pattern pattern, double separated, double together) {
        Form(String regex, double separated, double together) {
            this(Pattern.compile(BEFORE + regex + AFTER), separated, together);
        }
    }

    private static final List<Form> FORMS = List.of(
            new Form("01[016789]" + SEP + "\\d{3,4}" + SEP + "\\d{4}", KOREAN, KOREAN_UNSEPARATED),
            new Form("(?:0" + KOREAN_AREA + "|\\(0" + KOREAN_AREA + "\\))" + SEP + "\\d{3,4}" + SEP + "\\d{4}", KOREAN, BARE),
            new Form("\\+82" + SEP + "(?:\\(0\\)" + SEP + ")?0?(?:1[016789]|" + KOREAN_AREA + ")" + SEP + "\\d{3,4}" + SEP + "\\d{4}",
                    INTERNATIONAL_KNOWN, INTERNATIONAL_KNOWN),
            new Form("\\+1" + SEP + "(?:\\([2-9]\\d{2}\\)|[2-9]\\d{2})" + SEP + "[2-9]\\d{2}" + SEP + "\\d{4}",
                    INTERNATIONAL_KNOWN, INTERNATIONAL_KNOWN),
            new Form("(?:1[-. ])?(?:\\([2-9]\\d{2}\\)" + SEP + "|[2-9]\\d{2}" + SEP + ")[2-9]\\d{2}" + SEP + "\\d{4}", NANP, BARE),
            new Form("\\+[1-9]\\d{0,2}" + SEP + "(?:\\(0\\)" + SEP + ")?\\d(?:" + SEP + "\\d){6,13}", E164, E164));

    private static final ContextWords CONTEXT = new ContextWords(
            "phone|tel|telephone|mobile|cell|call|fax|contact|ph|mob", "전화|연락처|휴대폰|핸드폰|휴대전화|번호", 25, 0);

    @Override
    public PiiCategory category() { return PiiCategory.PHONE_NUMBER; }

    @Override
    public void find(String text, List<PiiEntity> found) {
        for (Form form : FORMS) {
            Matcher m = form.pattern().matcher(text);
            while (m.find()) {
                String number = m.group();
                if (form.separated() == E164 && !isE164(number)) continue;
                double confidence = isTogether(number) ? form.together() : form.separated();
                if (CONTEXT.near(text, m.start(), m.end())) {
                    confidence = Math.min(MAX, Math.round((confidence + CONTEXT_BONUS) * 100) / 100.0);   // 0.95, not 0.9499...
                }
                found.add(new PiiEntity(PiiCategory.PHONE_NUMBER, number, m.start(), number.length(), confidence));
            }
        }
    }

    /** Digits only after an optional "+": nothing shows that it is meant as a phone number. */
    private static boolean isTogether(String number) {
        for (int i = number.startsWith("+") ? 1 : 0; i < number.length(); i++) {
            if (!Character.isDigit(number.charAt(i))) return false;
        }
        return !number.startsWith("+");
    }

    /** E.164 allows 15 digits in all; fewer than 8 is not a full international number. A "(0)" is not dialled. */
    private static boolean isE164(String number) {
        long digits = number.replace("(0)", "").chars().filter(Character::isDigit).count();
        return digits >= 8 && digits <= 15;
    }
}
