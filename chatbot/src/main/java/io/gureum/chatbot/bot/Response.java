package io.gureum.chatbot.bot;

import java.util.List;

/** Something the bot says: a template with {@code {slot}} variables, and buttons the user may tap instead of typing. */
public record Response(String text, List<String> quickReplies) {
    public Response {
        quickReplies = Lists.of(quickReplies);
    }
}
