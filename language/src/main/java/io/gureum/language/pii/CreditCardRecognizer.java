package io.gureum.language.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payment card numbers: 13-19 digits, written together or in groups of 3-6 digits separated by single spaces or by
 * single dashes (one kind throughout), that start with a known issuer prefix and have the length that issuer uses,
 * and whose last digit is the Luhn check digit. Confidence {@value #CONFIDENCE}: a random number passes the check one
 * time in ten, and the prefix and length rules most of the rest. When a run of groups is longer than a card number
 * ({@code 4111 1111 1111 1111 2024}), its longest valid leading groups are the card.
 */
final class CreditCardRecognizer implements PiiRecognizer {
    static final double CONFIDENCE = 0.9;
    private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9A-Za-z-])\\d{3,19}(?:[ -]\\d{3,6}){0,7}(?![0-9A-Za-z]|-\\d)");

    /** Issuer prefixes (IIN ranges, inclusive, compared on as many leading digits as the bounds have) and lengths. */
    private record Issuer(String name, long from, long to, int minLength, int maxLength) {
        boolean matches(String digits) {
            int prefix = Long.toString(from).length();
            long head = Long.parseLong(digits.substring(0, prefix));
            return head >= from && head <= to && digits.length() >= minLength && digits.length() <= maxLength;
        }
    }

    private static final List<Issuer> ISSUERS = List.of(
            new Issuer("Visa", 4, 4, 13, 19),
            new Issuer("Mastercard", 51, 55, 16, 16),
            new Issuer("Mastercard", 2221, 2720, 16, 16),
            new Issuer("American Express", 34, 34, 15, 15),
            new Issuer("American Express", 37, 37, 15, 15),
            new Issuer("Diners Club", 300, 305, 14, 19),
            new Issuer("Diners Club", 36, 36, 14, 19),
            new Issuer("Diners Club", 38, 39, 14, 19),
            new Issuer("Discover", 6011, 6011, 16, 19),
            new Issuer("Discover", 644, 649, 16, 19),
            new Issuer("Discover", 65, 65, 16, 19),
            new Issuer("JCB", 3528, 3589, 16, 19),
            new Issuer("UnionPay", 62, 62, 16, 19),
            new Issuer("Maestro", 50, 50, 13, 19),
            new Issuer("Maestro", 56, 58, 13, 19),
            new Issuer("Maestro", 6304, 6304, 13, 19),
            new Issuer("Maestro", 6759, 6759, 13, 19),
            new Issuer("Mir", 2200, 2204, 16, 19));

    @Override
    public PiiCategory category() { return PiiCategory.CREDIT_CARD_NUMBER; }

    @Override
    public void find(String text, List<PiiEntity> found) {
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            String candidate = m.group();
            boolean spaces = candidate.indexOf(' ') >= 0, dashes = candidate.indexOf('-') >= 0;
            if (spaces && dashes) continue;
            List<Integer> groupEnds = new ArrayList<>();   // end of each group in the candidate
            for (int i = 0; i < candidate.length(); i++) {
                if (candidate.charAt(i) == ' ' || candidate.charAt(i) == '-') groupEnds.add(i);
            }
            groupEnds.add(candidate.length());
            // a long first group is a number written together: only it can be the card ("4111111111111111 123")
            int last = groupEnds.get(0) > 6 ? 0 : groupEnds.size() - 1;
            for (int g = last; g >= 0; g--) {
                String number = candidate.substring(0, groupEnds.get(g));
                String digits = number.replaceAll("[ -]", "");
                if (digits.length() < 13) break;
                if (digits.length() <= 19 && isCardNumber(digits)) {
                    found.add(new PiiEntity(PiiCategory.CREDIT_CARD_NUMBER, number, m.start(), number.length(), CONFIDENCE));
                    break;
                }
            }
        }
    }

    static boolean isCardNumber(String digits) {
        return ISSUERS.stream().anyMatch(issuer -> issuer.matches(digits)) && luhn(digits);
    }

    /** The Luhn check: doubling every second digit from the right, the digit sum is a multiple of 10. */
    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
