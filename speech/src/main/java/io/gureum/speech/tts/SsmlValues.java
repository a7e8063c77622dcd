package io.gureum.speech.tts;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The attribute values of SSML {@code <prosody>} and {@code <break>}, as multipliers and milliseconds.
 *
 * <p>Named values ({@code fast}, {@code x-low}, {@code loud}, {@code default}) are multiples of the request's own
 * rate, pitch or volume, whatever encloses them. Numbers are relative to the enclosing value: {@code +20%} and
 * {@code -20%} change it by that much, {@code 150%} and {@code 1.5} multiply it, {@code +2st} raises the pitch two
 * semitones, {@code -6dB} halves the amplitude. Each method throws {@link IllegalArgumentException} saying which
 * forms are accepted.
 */
final class SsmlValues {
    static final int MAX_BREAK_MILLIS = 10_000;

    private static final Map<String, Double> NAMED_RATES = Map.of(
            "x-slow", 0.5, "slow", 0.75, "medium", 1.0, "fast", 1.5, "x-fast", 2.0, "default", 1.0);
    private static final Map<String, Double> NAMED_PITCHES = Map.of(
            "x-low", 0.8, "low", 0.9, "medium", 1.0, "high", 1.1, "x-high", 1.2, "default", 1.0);
    private static final Map<String, Double> NAMED_VOLUMES = Map.of(
            "silent", 0.0, "x-soft", 0.25, "soft", 0.5, "medium", 1.0, "loud", 1.5, "x-loud", 2.0, "default", 1.0);
    /** Milliseconds, as the major cloud speech services pause for each strength. */
    private static final Map<String, Integer> BREAK_STRENGTHS = Map.of(
            "none", 0, "x-weak", 250, "weak", 500, "medium", 750, "strong", 1000, "x-strong", 1250);

    private static final Pattern NUMBER = Pattern.compile("([+-]?)(\\d+(?:\\.\\d*)?|\\.\\d+)(%|st|dB|Hz|ms|s)?");

    private SsmlValues() {}

    static double rate(String value, double enclosing, double requested) {
        Double named = NAMED_RATES.get(value);
        if (named != null) return named * requested;
        Number n = Number.parse(value);
        double rate = switch (n == null ? "?" : n.unit()) {
            case "%" -> n.signed() ? enclosing * (1 + n.value() / 100) : enclosing * n.value() / 100;
            case "" -> n.signed() ? Double.NaN : enclosing * n.value();
            default -> Double.NaN;
        };
        if (!(rate > 0)) throw new IllegalArgumentException("rate '" + value + "' is not valid; use "
                + "x-slow, slow, medium, fast, x-fast, default" + ", a change such as +20% or -20%, or a multiplier such as 150% or 1.5");
        return rate;
    }

    static double pitch(String value, double enclosing, double requested) {
        Double named = NAMED_PITCHES.get(value);
        if (named != null) return named * requested;
        Number n = Number.parse(value);
        double pitch = switch (n == null ? "?" : n.unit()) {
            case "%" -> n.signed() ? enclosing * (1 + n.value() / 100) : Double.NaN;
            case "st" -> n.signed() ? enclosing * Math.pow(2, n.value() / 12) : Double.NaN;
            default -> Double.NaN;
        };
        if (!(pitch > 0)) throw new IllegalArgumentException("pitch '" + value + "' is not valid; use "
                + "x-low, low, medium, high, x-high, default" + ", a change in percent such as +10% or -10%, or in semitones such as"
                + " +2st or -2st (absolute Hz is not supported)");
        return pitch;
    }

    static double volume(String value, double enclosing, double requested) {
        Double named = NAMED_VOLUMES.get(value);
        if (named != null) return named * requested;
        Number n = Number.parse(value);
        double volume = switch (n == null ? "?" : n.unit()) {
            case "dB" -> n.signed() ? enclosing * Math.pow(10, n.value() / 20) : Double.NaN;
            case "%" -> n.signed() ? enclosing * (1 + n.value() / 100) : enclosing * n.value() / 100;
            default -> Double.NaN;
        };
        if (!(volume >= 0)) throw new IllegalArgumentException("volume '" + value + "' is not valid; use "
                + "silent, x-soft, soft, medium, loud, x-loud, default" + ", a change in decibels such as +6dB or -6dB, a change such as"
                + " +50% or -50%, or a multiplier such as 50%");
        return volume;
    }

    static int breakTime(String value) {
        Number n = Number.parse(value);
        double millis = n == null || n.signed() ? Double.NaN : switch (n.unit()) {
            case "ms" -> n.value();
            case "s" -> n.value() * 1000;
            default -> Double.NaN;
        };
        if (Double.isNaN(millis)) throw new IllegalArgumentException(
                "break time '" + value + "' is not valid; use milliseconds or seconds such as 500ms or 1.5s");
        if (millis > MAX_BREAK_MILLIS) throw new IllegalArgumentException(
                "break time '" + value + "' is longer than the limit of " + MAX_BREAK_MILLIS / 1000 + "s");
        return (int) Math.round(millis);
    }

    static int breakStrength(String value) {
        Integer millis = BREAK_STRENGTHS.get(value);
        if (millis == null) throw new IllegalArgumentException(
                "break strength '" + value + "' is not valid; use " + "none, x-weak, weak, medium, strong, x-strong");
        return millis;
    }

    static int defaultBreak() {
        return BREAK_STRENGTHS.get("medium");
    }

    /** {@code +12.5%}: whether it has a sign, its value with the sign applied, and its unit ("" for none). */
    private record Number(boolean signed, double value, String unit) {
        static Number parse(String text) {
            Matcher m = NUMBER.matcher(text.strip());
            if (!m.matches()) return null;
            double magnitude = Double.parseDouble(m.group(2));
            return new Number(!m.group(1).isEmpty(), m.group(1).equals("-") ? -magnitude : magnitude,
                    m.group(3) == null ? "" : m.group(3));
        }
    }
}
