package io.gureum.language.pii;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Korean resident registration numbers (주민등록번호) and the foreigner registration numbers (외국인등록번호) that share
 * their form: {@code YYMMDD-GNNNNNN}, the birth date, then a digit G for sex and century (1-2 and 5-6 born in the
 * 1900s, 3-4 and 7-8 in the 2000s; 5-8 foreigners), then six more digits, the last a check digit: with weights
 * 2,3,4,5,6,7,8,9,2,3,4,5 on the first twelve digits, {@code (11 - sum mod 11) mod 10} (for foreigners also
 * {@code (13 - sum mod 11) mod 10}). The birth date must exist and not be in the future.
 *
 * <p>Since October 2020 new numbers end in random digits after G, so their check digit need not hold. Hence:
 * <ul>
 *   <li>check digit right: {@value #CHECKED} with the dash, {@value #CHECKED_UNSEPARATED} written as 13 digits;
 *   <li>check digit wrong, born from October 2020 (a new number): {@value #NEW_SCHEME} ({@value #NEW_SCHEME_UNSEPARATED}
 *       without the dash);
 *   <li>check digit wrong, born earlier, but "주민등록번호", "주민번호", "외국인등록번호" or "resident registration"
 *       nearby (a number reissued since 2020): {@value #REISSUED};
 *   <li>otherwise not taken: most likely a mistyped or made-up number.
 * </ul>
 */
final class ResidentRegistrationNumberRecognizer implements PiiRecognizer {
    static final double CHECKED = 0.95;
    static final double CHECKED_UNSEPARATED = 0.85;
    static final double NEW_SCHEME = 0.6;
    static final double NEW_SCHEME_UNSEPARATED = 0.5;
    static final double REISSUED = 0.5;
    /** Numbers issued from this day have no check digit. */
    static final LocalDate RANDOM_SUFFIX_FROM = LocalDate.of(2020, 10, 5);
    private static final int[] WEIGHTS = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
    private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9A-Za-z-])(\\d{6})(-?)([1-8]\\d{6})(?![0-9A-Za-z]|-\\d)");
    private static final ContextWords CONTEXT = new ContextWords("RRN|resident registration(?: number)?",
            "주민등록번호|주민번호|외국인등록번호", 40, 10);

    @Override
    public PiiCategory category() { return PiiCategory.KR_RESIDENT_REGISTRATION_NUMBER; }

    @Override
    public void find(String text, List<PiiEntity> found) {
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            String digits = m.group(1) + m.group(3);
            LocalDate born = birthDate(digits);
            if (born == null) continue;
            boolean dash = !m.group(2).isEmpty();
            double confidence;
            if (checkDigitHolds(digits)) confidence = dash ? CHECKED : CHECKED_UNSEPARATED;
            else if (!born.isBefore(RANDOM_SUFFIX_FROM)) confidence = dash ? NEW_SCHEME : NEW_SCHEME_UNSEPARATED;
            else if (CONTEXT.near(text, m.start(), m.end())) confidence = REISSUED;
            else continue;
            found.add(new PiiEntity(PiiCategory.KR_RESIDENT_REGISTRATION_NUMBER, m.group(), m.start(), m.group().length(), confidence));
        }
    }

    /** The birth date the number states, or null when it does not exist or is in the future. */
    static LocalDate birthDate(String digits) {
        int g = digits.charAt(6) - '0';
        int century = (g == 1 || g == 2 || g == 5 || g == 6) ? 1900 : 2000;
        try {
            LocalDate date = LocalDate.of(century + Integer.parseInt(digits.substring(0, 2)),
                    Integer.parseInt(digits.substring(2, 4)), Integer.parseInt(digits.substring(4, 6)));
            return date.isAfter(LocalDate.now(ZoneOffset.ofHours(9))) ? null : date;   // Korea's today
        } catch (DateTimeException e) {
            return null;
        }
    }

    static boolean checkDigitHolds(String digits) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        int check = digits.charAt(12) - '0';
        if ((11 - sum % 11) % 10 == check) return true;
        int g = digits.charAt(6) - '0';
        return g >= 5 && (13 - sum % 11) % 10 == check;   // foreigner numbers before 2020
    }
}
