package io.gureum.chatbot.entities;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code sys.number}: numbers in digits ("42", "1,234", "3.5", "-2", "5천" = 5000), English words ("two",
 * "twenty-one", "a hundred and five"), Korean native numerals (하나, 둘, 스물다섯; the attributive 한/두/세/네/스무 only
 * before a counter: "두 명", so "네, 좋아요" is no number) and Sino-Korean ones (이십, 삼천오백; a single digit such
 * as 삼 only before a counter, since 일, 이, 사 are also words). A counter that follows (명, 개, 분, 잔 ...) is part of
 * the span: "4명" is 4. Digits joined to Latin letters ("4th", "A4", "covid19") and the parts of dates, times and
 * phone numbers ("5/3", "7:30", "010-1234") are not numbers.
 */
final class NumberRecognizer {
    static final double DIGITS = 0.95;
    static final double WORDS = 0.85;

    private static final Pattern COUNTER = Pattern.compile("\\s?(?:인분|개월|사람|마리|그릇|달러|명|분|개|잔|병|권|장|대|살|번|인|층|원|곳|건|박)");
    /** The counters a lone Sino-Korean digit may take: others make words (이번, 사장, 이분, 사인). */
    private static final Pattern SINO_COUNTER = Pattern.compile("\\s?(?:인분|개월|층)");
    private static final Pattern DIGIT_NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,:/-])-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?![\\p{N}A-Za-z]|[.,:/-]\\d)");
    private static final Pattern KOREAN_NATIVE = Pattern.compile("(?<![가-힣])" + NumberWords.KOREAN_NATIVE);
    private static final Pattern SINO = Pattern.compile("(?<![가-힣])[일이삼사오육칠팔구십백천만]+");
    private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z]+");

    void find(String text, List<Candidate> found) {
        digits(text, found);
        koreanNative(text, found);
        sinoKorean(text, found);
        english(text, found);
    }

    private static void digits(String text, List<Candidate> found) {
        Matcher m = DIGIT_NUMBER.matcher(text);
        while (m.find()) {
            BigDecimal value = new BigDecimal(m.group().replace(",", ""));
            int end = m.end();
            int scale = end < text.length() ? "백천만".indexOf(text.charAt(end)) : -1;
            if (scale >= 0 && (counterAt(text, end + 1, COUNTER) > 0 || KoreanParticles.wordEndsAt(text, end + 1))) {
                value = value.multiply(BigDecimal.TEN.pow(scale + 2));   // 5천 = 5000, 3만 원 = 30000
                end++;
            }
            found.add(candidate(text, m.start(), end + counterAt(text, end, COUNTER), value, DIGITS));
        }
    }

    private static void koreanNative(String text, List<Candidate> found) {
        Matcher m = KOREAN_NATIVE.matcher(text);
        while (m.find()) {
            int counter = counterAt(text, m.end(), COUNTER);
            boolean attributive = NumberWords.koreanAttributive(m.group());
            if (counter == 0 && (attributive || !KoreanParticles.wordEndsAt(text, m.end()))) continue;
            found.add(candidate(text, m.start(), m.end() + counter, BigDecimal.valueOf(NumberWords.koreanNative(m.group())), WORDS));
        }
    }

    private static void sinoKorean(String text, List<Candidate> found) {
        Matcher m = SINO.matcher(text);
        while (m.find()) {
            String numeral = m.group();
            Long value = sinoValue(numeral);
            if (value == null) continue;
            boolean composite = numeral.length() >= 2 && numeral.chars().anyMatch(c -> "십백천만".indexOf(c) >= 0);
            int counter = counterAt(text, m.end(), composite ? COUNTER : SINO_COUNTER);
            if (counter == 0 && !(composite && KoreanParticles.wordEndsAt(text, m.end()))) continue;
            found.add(candidate(text, m.start(), m.end() + counter, BigDecimal.valueOf(value), WORDS));
        }
    }

    /** 삼천오백 = 3500; null for a sequence that is not one numeral (천천, 삼사, 십백). */
    static Long sinoValue(String numeral) {
        long total = 0;
        long group = 0;
        int digit = -1;
        int lastScale = Integer.MAX_VALUE;
        for (char c : numeral.toCharArray()) {
            int d = "일이삼사오육칠팔구".indexOf(c);
            if (d >= 0) {
                if (digit >= 0) return null;
                digit = d + 1;
                continue;
            }
            if (c == '만') {
                if (total > 0) return null;
                total = (group + Math.max(digit, 0) == 0 ? 1 : group + Math.max(digit, 0)) * 10_000;
                group = 0;
                digit = -1;
                lastScale = Integer.MAX_VALUE;
                continue;
            }
            int scale = c == '십' ? 10 : c == '백' ? 100 : 1000;
            if (scale >= lastScale) return null;
            group += (digit < 0 ? 1 : digit) * scale;
            digit = -1;
            lastScale = scale;
        }
        return total + group + Math.max(digit, 0);
    }

    private static void english(String text, List<Candidate> found) {
        List<int[]> words = new ArrayList<>();
        Matcher m = ENGLISH_WORD.matcher(text);
        while (m.find()) words.add(new int[] {m.start(), m.end()});
        int i = 0;
        while (i < words.size()) {
            int consumed = englishAt(text, words, i, found);
            i += Math.max(consumed, 1);
        }
    }

    /**
     * Reads one English number from word {@code i}: units and teens, tens with an optional unit ("twenty-one", "twenty
     * one"), then scales ("two hundred", "a thousand"), with "and" after a scale. Stops at the first word that cannot
     * continue it. Returns the number of words used (0 if none).
     */
    private static int englishAt(String text, List<int[]> words, int i, List<Candidate> found) {
        long total = 0;
        long current = 0;
        String previous = "";   // "unit", "teen", "tens", "scale", "and", "a"
        int used = 0;
        int lastNumberWord = -1;
        for (int j = i; j < words.size(); j++) {
            if (j > i && !joinable(text, words.get(j - 1)[1], words.get(j)[0])) break;
            String word = text.substring(words.get(j)[0], words.get(j)[1]).toLowerCase(java.util.Locale.ROOT);
            Integer small = NumberWords.ENGLISH_SMALL.get(word);
            Integer tens = NumberWords.ENGLISH_TENS.get(word);
            Integer scale = NumberWords.ENGLISH_SCALES.get(word);
            if (small != null && (previous.isEmpty() || previous.equals("scale") || previous.equals("and")
                    || previous.equals("tens") && small < 10 && small > 0)) {
                current += small;
                previous = small < 10 ? "unit" : "teen";
            } else if (tens != null && (previous.isEmpty() || previous.equals("scale") || previous.equals("and"))) {
                current += tens;
                previous = "tens";
            } else if (scale != null && !previous.isEmpty() && !previous.equals("scale") && !previous.equals("and")) {
                if (scale == 100) {
                    current = Math.max(current, 1) * 100;
                } else {
                    total += Math.max(current, 1) * scale;
                    current = 0;
                }
                previous = "scale";
            } else if (word.equals("a") && previous.isEmpty() && j + 1 < words.size()
                    && NumberWords.ENGLISH_SCALES.containsKey(text.substring(words.get(j + 1)[0], words.get(j + 1)[1]).toLowerCase(java.util.Locale.ROOT))) {
                current = 1;
                previous = "a";
            } else if (word.equals("and") && previous.equals("scale")) {
                previous = "and";
            } else {
                break;
            }
            used = j - i + 1;
            if (!previous.equals("a") && !previous.equals("and")) lastNumberWord = j;
        }
        if (lastNumberWord < 0) return used;
        if (text.startsWith("-", words.get(i)[0] - 1) && words.get(i)[0] >= 2 && Character.isLetter(text.charAt(words.get(i)[0] - 2))) {
            return used;   // "forty-" inside a hyphenated word that is not a number ("self-one")
        }
        found.add(candidate(text, words.get(i)[0], words.get(lastNumberWord)[1], BigDecimal.valueOf(total + current), WORDS));
        return lastNumberWord - i + 1;
    }

    /** Number words go together across one run of spaces or a single hyphen ("twenty-one"). */
    private static boolean joinable(String text, int end, int start) {
        String gap = text.substring(end, start);
        return gap.equals("-") || !gap.isEmpty() && gap.isBlank();
    }

    /** The length of a counter word right after a number ("명", " 명", "인분"), or 0. */
    private static int counterAt(String text, int at, Pattern counters) {
        Matcher m = counters.matcher(text).region(at, text.length());
        if (!m.lookingAt()) return 0;
        int end = m.end();
        return KoreanParticles.wordEndsAt(text, end) ? end - at : 0;
    }

    private static Candidate candidate(String text, int start, int end, BigDecimal value, double confidence) {
        return new Candidate(SystemEntity.NUMBER.wireName(), start, end, plain(value), confidence, EntityRanks.rank(SystemEntity.NUMBER));
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
