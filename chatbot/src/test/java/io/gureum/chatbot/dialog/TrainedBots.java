package io.gureum.chatbot.dialog;

import io.gureum.chatbot.bot.Bot;
import io.gureum.chatbot.bot.BotCompiler;
import io.gureum.chatbot.nlu.IntentClassifierTrainer;
import io.gureum.chatbot.nlu.TrainedIntentModel;
import io.gureum.core.GureumHome;
import io.gureum.core.ModelRef;
import io.gureum.language.embeddings.TextEmbeddings;
import io.gureum.runtime.models.InstallProgress;
import io.gureum.runtime.models.ModelCatalog;
import io.gureum.runtime.models.ModelInstaller;
import io.gureum.runtime.models.ModelStore;

/**
 * Trains a bot's intent model on the real default MiniLM of {@code $GUREUM_HOME} (installed here if missing:
 * install is idempotent), sharing one {@link TextEmbeddings} between the test classes, never closed.
 */
final class TrainedBots {
    private static final ModelRef MINILM_INT8 = ModelRef.parse("all-minilm-l6-v2-q@1.20.0-beta30");
    private static TextEmbeddings embeddings;

    private TrainedBots() {}

    static TrainedIntentModel train(Bot bot) {
        return new IntentClassifierTrainer(embeddings()).train(BotCompiler.trainingSet(bot));
    }

    private static synchronized TextEmbeddings embeddings() {
        if (embeddings == null) {
            var store = new ModelStore(GureumHome.fromEnvironment().models(), ModelCatalog.builtIn());
            new ModelInstaller(store, InstallProgress.silent()).install(ModelCatalog.builtIn().find(MINILM_INT8.id(), MINILM_INT8.version()).orElseThrow());
            embeddings = new TextEmbeddings(store);
        }
        return embeddings;
    }
}
