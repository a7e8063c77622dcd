package io.gureum.chatbot.bot;

import java.util.List;

/**
 * A bot, as its author writes it (Lex, Dialogflow and CLOVA Chatbot define the same parts).
 *
 * @param name               the bot's name
 * @param locale             {@code en-US} or {@code ko-KR}: the language of its phrases and of yes/no answers
 * @param timeZone           what "tomorrow" and "7pm" are resolved in (an IANA zone such as {@code Asia/Seoul})
 * @param intents            what users may want; at least two
 * @param entityTypes        the bot's own entity types (lists, patterns); system entities ({@code sys.number}, ...)
 *                           need no definition
 * @param fallback           what the bot says to out-of-scope input (one is picked per turn)
 * @param outOfScopeExamples optional examples of what the bot should not answer; they train the classifier's
 *                           out-of-scope class
 * @param webhook            optional: the fulfillment webhook that intents marked {@code "webhook": true} call
 */
public record Bot(String name, String locale, String timeZone, List<Intent> intents, List<EntityTypeDefinition> entityTypes,
                  List<Response> fallback, List<String> outOfScopeExamples, Webhook webhook) {
    public Bot {
        intents = Lists.of(intents);
        entityTypes = Lists.of(entityTypes);
        fallback = Lists.of(fallback);
        outOfScopeExamples = Lists.of(outOfScopeExamples);
    }

    /** The intent with this name, or null. */
    public Intent intent(String intentName) {
        for (Intent intent : intents) if (intent.name() != null && intent.name().equals(intentName)) return intent;
        return null;
    }
}
