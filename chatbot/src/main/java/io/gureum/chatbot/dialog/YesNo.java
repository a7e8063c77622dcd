package io.gureum.chatbot.dialog;

import java.util.Locale;
import java.util.Set;

/** Yes and no to a confirmation, in English and Korean: the whole message, or its first word. */
final class YesNo {
    enum Answer { YES, NO, NEITHER }

    private static final Set<String> YES = Set.of("yes", "yeah", "yep", "yup", "sure", "correct", "right", "ok", "okay", "confirm",
            "that's right", "yes please", "sounds good", "네", "예", "응", "어", "맞아요", "맞아", "맞습니다", "좋아요", "그래요", "네 맞아요");
    private static final Set<String> NO = Set.of("no", "nope", "nah", "cancel", "아니요", "아니", "아뇨", "아니오", "아니에요", "싫어요", "취소");

    private YesNo() {}

    static Answer of(String message) {
        String text = message.toLowerCase(Locale.ROOT).replaceAll("[.!?,~…]", " ").strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) return Answer.NEITHER;
        String first = text.split(" ")[0];
        if (YES.contains(text) || YES.contains(first)) return Answer.YES;
        if (NO.contains(text) || NO.contains(first)) return Answer.NO;
        return Answer.NEITHER;
    }
}
