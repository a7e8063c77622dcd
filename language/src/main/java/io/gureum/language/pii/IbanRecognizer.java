package io.gureum.language.pii;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * International bank account numbers (ISO 13616): a country code, two check digits and the national account number,
 * as long in all as that country's IBANs are, written together or in groups separated by single spaces (the printed
 * form is groups of four), in capitals; the check digits must make the number 1 modulo 97. Confidence
 * {@value #CONFIDENCE}: the length and the check leave about one random string in ten thousand.
 */
final class IbanRecognizer implements PiiRecognizer {
    static final double CONFIDENCE = 0.9;
    private static final Pattern START = Pattern.compile("(?<![0-9A-Za-z])([A-Z]{2})\\d{2}");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    /** IBAN length by country, from the SWIFT IBAN registry. */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BI", 27),
            Map.entry("BR", 29), Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28),
            Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
            Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FK", 18),
            Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GI", 23),
            Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HR", 21), Map.entry("HU", 28),
            Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26), Map.entry("IT", 27),
            Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28), Map.entry("LC", 32),
            Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("LY", 25),
            Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MN", 20),
            Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28), Map.entry("NL", 18),
            Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29),
            Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("RU", 33),
            Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SD", 18), Map.entry("SE", 24), Map.entry("SI", 19),
            Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25), Map.entry("SV", 28),
            Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VA", 22),
            Map.entry("VG", 24), Map.entry("XK", 20), Map.entry("YE", 30));

    @Override
    public PiiCategory category() { return PiiCategory.IBAN; }

    @Override
    public void find(String text, List<PiiEntity> found) {
        Matcher m = START.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            from = m.start() + 1;
            Integer length = LENGTHS.get(m.group(1));
            if (length == null) continue;
            int end = readAccount(text, m.start(), length);
            if (end < 0) continue;
            String written = text.substring(m.start(), end);
            if (!checkDigitsHold(written.replace(" ", ""))) continue;
            found.add(new PiiEntity(PiiCategory.IBAN, written, m.start(), written.length(), CONFIDENCE));
            from = end;
        }
    }

    /**
     * Where an IBAN of {@code length} characters starting at {@code start} ends, reading capitals and digits and single
     * spaces between them; -1 when the text has fewer, or more run on right after.
     */
    private static int readAccount(String text, int start, int length) {
        int read = 0, i = start;
        while (read < length && i < text.length()) {
            char c = text.charAt(i);
            if (isAccountChar(c)) {
                read++;
                i++;
            } else if (c == ' ' && read > 0 && i + 1 < text.length() && isAccountChar(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        if (read < length) return -1;
        return i < text.length() && Character.isLetterOrDigit(text.charAt(i)) ? -1 : i;
    }

    private static boolean isAccountChar(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }

    /** ISO 7064 MOD 97-10: the country code and check digits moved to the end, letters as 10-35, mod 97 is 1. */
    static boolean checkDigitsHold(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (c >= 'A' && c <= 'Z') digits.append(c - 'A' + 10);
            else digits.append(c);
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }
}
