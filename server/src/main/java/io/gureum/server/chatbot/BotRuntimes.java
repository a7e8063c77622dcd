package io.gureum.server.chatbot;

import io.gureum.chatbot.bot.Bot;
import io.gureum.chatbot.bot.BotCompiler;
import io.gureum.chatbot.bot.BotDefinitions;
import io.gureum.chatbot.dialog.DialogEngine;
import io.gureum.chatbot.entities.EntityExtractor;
import io.gureum.chatbot.nlu.TrainedIntentModel;
import io.gureum.core.Problem;
import io.gureum.language.embeddings.TextEmbeddings;
import io.gureum.platform.bots.BotStore;
import io.gureum.platform.bots.BotVersion;
import io.gureum.platform.bots.StoredBot;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trained bot versions ready to answer: definition, model, entity extractor and dialog engine, loaded from the store on
 * first use and kept (a version never changes, so any node may cache it). The least recently used are dropped past
 * {@value #CACHED_VERSIONS}.
 */
public final class BotRuntimes {
    static final int CACHED_VERSIONS = 64;

    /** A trained version, loaded. */
    public record Runtime(String botId, int version, Bot bot, TrainedIntentModel model, EntityExtractor extractor, DialogEngine engine) {}

    private record Key(String projectId, String botId, int version) {}

    private final BotStore store;
    private final TextEmbeddings embeddings;
    private final Map<Key, Runtime> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Runtime> eldest) {
            return size() > CACHED_VERSIONS;
        }
    };

    public BotRuntimes(BotStore store, TextEmbeddings embeddings) {
        this.store = store;
        this.embeddings = embeddings;
    }

    /**
     * The version to answer with: {@code version} when given, else the published one.
     *
     * @throws Problem 409 {@code bot_not_trained} when the bot has no published version yet
     */
    public Runtime of(StoredBot bot, Integer version) {
        Integer chosen = version != null ? version : bot.publishedVersion();
        if (chosen == null) {
            throw Problem.conflict("bot_not_trained", "Bot '" + bot.botId() + "' has no trained version yet: train it first with POST /v1/bots/"
                    + bot.botId() + ":train and wait for the operation to succeed.");
        }
        Key key = new Key(bot.projectId(), bot.botId(), chosen);
        synchronized (cache) {
            Runtime cached = cache.get(key);
            if (cached != null) return cached;
        }
        // loaded outside the lock: a slow load must not stall other bots (two threads may both load; one wins)
        BotVersion stored = store.version(bot.projectId(), bot.botId(), chosen);
        Bot definition = BotDefinitions.read(new String(store.definition(stored), StandardCharsets.UTF_8));
        TrainedIntentModel model = TrainedIntentModel.fromBytes(store.model(stored), embeddings);
        EntityExtractor extractor = BotCompiler.entityExtractor(definition);
        Runtime loaded = new Runtime(bot.botId(), chosen, definition, model, extractor, new DialogEngine(definition, model::parse, extractor));
        synchronized (cache) {
            cache.putIfAbsent(key, loaded);
            return cache.get(key);
        }
    }
}
