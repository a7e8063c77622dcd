package io.gureum.chatbot.dialog;

import java.util.List;

/** What the bot says: text and the buttons offered with it. */
public record Reply(String text, List<String> quickReplies) {
    public Reply {
        quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
    }
}
