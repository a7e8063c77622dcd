package io.gureum.chatbot.entities;

import java.util.Map;

/** Number words shared by the number and time rules: English, and Korean native numerals (하나, 둘, 세 ...). */
final class NumberWords {
    static final Map<String, Integer> ENGLISH_SMALL = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19));
    static final Map<String, Integer> ENGLISH_TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50,
            "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
    static final Map<String, Integer> ENGLISH_SCALES = Map.of("hundred", 100, "thousand", 1000, "million", 1_000_000);

    /** Korean native units in both forms: standalone (하나) and before a counter (한 명). */
    static final Map<String, Integer> KOREAN_UNITS = Map.ofEntries(
            Map.entry("하나", 1), Map.entry("한", 1), Map.entry("둘", 2), Map.entry("두", 2), Map.entry("셋", 3), Map.entry("세", 3),
            Map.entry("넷", 4), Map.entry("네", 4), Map.entry("다섯", 5), Map.entry("여섯", 6), Map.entry("일곱", 7),
            Map.entry("여덟", 8), Map.entry("아홉", 9));
    static final Map<String, Integer> KOREAN_TENS = Map.of("열", 10, "스물", 20, "스무", 20, "서른", 30, "마흔", 40, "쉰", 50,
            "예순", 60, "일흔", 70, "여든", 80, "아흔", 90);
    /** Regex alternatives for a Korean native numeral 1-99 (tens then unit, either optional, longest first). */
    static final String KOREAN_NATIVE = "(?:(?:열|스물|스무|서른|마흔|쉰|예순|일흔|여든|아흔)\\s?(?:하나|다섯|여섯|일곱|여덟|아홉|한|둘|두|셋|세|넷|네)?"
            + "|하나|다섯|여섯|일곱|여덟|아홉|한|둘|두|셋|세|넷|네)";

    private NumberWords() {}

    /** The value of a Korean native numeral matched by {@link #KOREAN_NATIVE}. */
    static int koreanNative(String numeral) {
        String s = numeral.replace(" ", "");
        int value = 0;
        for (var tens : KOREAN_TENS.entrySet()) {
            if (s.startsWith(tens.getKey())) {
                value = tens.getValue();
                s = s.substring(tens.getKey().length());
                break;
            }
        }
        return s.isEmpty() ? value : value + KOREAN_UNITS.get(s);
    }

    /** Whether a Korean native numeral is the attributive form, which only stands before a counter (한, 두, 세, 네, 스무). */
    static boolean koreanAttributive(String numeral) {
        String s = numeral.replace(" ", "");
        return s.equals("스무") || s.endsWith("한") || s.endsWith("두") || s.endsWith("세") || s.endsWith("네");
    }
}
