package io.gureum.chatbot.bot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Lists in definitions: absent is empty; null elements are kept, so that validation can point at them. */
final class Lists {
    private Lists() {}

    static <T> List<T> of(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
