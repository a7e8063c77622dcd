package io.gureum.chatbot.bot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The example bots shipped as resources ({@code io/gureum/chatbot/examples/}): templates to start a bot from. */
public final class ExampleBots {
    private ExampleBots() {}

    /** Restaurant booking in English (en-US). */
    public static Bot restaurantEnglish() { return load("restaurant-en.json"); }

    /** Restaurant booking in Korean (ko-KR). */
    public static Bot restaurantKorean() { return load("restaurant-ko.json"); }

    private static Bot load(String file) {
        try (InputStream in = ExampleBots.class.getResourceAsStream("/io/gureum/chatbot/examples/" + file)) {
            if (in == null) throw new IllegalStateException("example bot " + file + " is missing from the jar");
            return BotDefinitions.read(in, BotDefinitions.Format.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
