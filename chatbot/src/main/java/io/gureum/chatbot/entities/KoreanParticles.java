package io.gureum.chatbot.entities;

import java.util.List;

/**
 * The particles (조사) and copula endings that follow a Korean word without a space: "피자를", "내일은", "둘이서".
 * Longest first, so "에서" is tried before "에".
 */
final class KoreanParticles {
    private static final List<String> PARTICLES = List.of(
            "이랑", "에서", "에게", "한테", "으로", "까지", "부터", "처럼", "보다", "이나", "이요", "이에요", "예요", "입니다", "이서",
            "은", "는", "이", "가", "을", "를", "에", "의", "도", "만", "와", "과", "로", "랑", "나", "요", "씩", "서", "쯤", "께");

    private KoreanParticles() {}

    /** The length of the particle at {@code at} that ends a word (followed by no letter or digit), or 0 if none does. */
    static int particleAt(String text, int at) {
        for (String particle : PARTICLES) {
            if (text.startsWith(particle, at) && !isWordChar(text, at + particle.length())) return particle.length();
        }
        return 0;
    }

    /** Whether a word may end at {@code at}: the text ends, a non-letter follows, or a particle closes the word. */
    static boolean wordEndsAt(String text, int at) {
        return !isWordChar(text, at) || isHangul(text.charAt(at - 1)) && particleAt(text, at) > 0;
    }

    static boolean isWordChar(String text, int at) {
        return at >= 0 && at < text.length() && Character.isLetterOrDigit(text.charAt(at));
    }

    static boolean isHangul(char c) {
        return c >= '\uAC00' && c <= '\uD7A3' || c >= '\u1100' && c <= '\u11FF' || c >= '\u3130' && c <= '\u318F';
    }
}
