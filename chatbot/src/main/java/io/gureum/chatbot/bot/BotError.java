package io.gureum.chatbot.bot;

/** One thing wrong in a bot definition: where ({@code intents[2].phrases[5]}) and what. */
public record BotError(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
