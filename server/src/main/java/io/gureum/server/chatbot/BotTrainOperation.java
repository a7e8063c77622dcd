package io.gureum.server.chatbot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.chatbot.bot.Bot;
import io.gureum.chatbot.bot.BotCompiler;
import io.gureum.chatbot.bot.BotDefinitions;
import io.gureum.chatbot.bot.BotValidator;
import io.gureum.chatbot.nlu.IntentClassifierTrainer;
import io.gureum.chatbot.nlu.IntentTrainingSet;
import io.gureum.chatbot.nlu.TrainedIntentModel;
import io.gureum.platform.bots.BotStore;
import io.gureum.platform.bots.BotVersion;
import io.gureum.platform.operations.OperationContext;
import io.gureum.platform.operations.OperationHandler;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Trains a bot's draft, as it was when training was asked for, into a numbered version: the intent classifier (with
 * its out-of-scope threshold) goes to the blob store with a model card; the version is published unless the request
 * said otherwise. Safe to repeat after a crash: training is deterministic and the version is recorded once.
 */
public final class BotTrainOperation implements OperationHandler {
    public static final String KIND = "chatbot.train";

    /** What the operation stores: the draft's definition at submit time and the version number reserved for it. */
    public record TrainInput(String botId, int version, boolean publish, String definition) {}

    /** The operation's result. */
    public record TrainResult(String botId, int version, boolean published, BotModelCard modelCard) {}

    private final BotStore store;
    private final IntentClassifierTrainer trainer;
    private final ObjectMapper json;
    private final Clock clock;

    public BotTrainOperation(BotStore store, IntentClassifierTrainer trainer, ObjectMapper json, Clock clock) {
        this.store = store;
        this.trainer = trainer;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public byte[] run(OperationContext context) throws Exception {
        TrainInput input = json.readValue(context.input(), TrainInput.class);
        Bot bot = BotValidator.requireValid(BotDefinitions.read(input.definition()));
        IntentTrainingSet data = BotCompiler.trainingSet(bot);
        context.progress(0.05);
        long start = System.nanoTime();
        TrainedIntentModel model = trainer.train(data);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (context.canceled()) return new byte[0]; // discarded: nothing recorded, the version number stays unused
        context.progress(0.9);
        byte[] modelBytes = model.toBytes();
        byte[] definition = input.definition().getBytes(StandardCharsets.UTF_8);
        BotModelCard card = BotModelCard.of(data, model, seconds, clock.instant(), modelBytes.length, BotStore.sha256(modelBytes),
                BotStore.sha256(definition));
        BotVersion version = store.addVersion(context.projectId(), input.botId(), input.version(), definition, modelBytes,
                json.writeValueAsString(card), input.publish());
        BotModelCard recorded = json.readValue(version.modelCard(), BotModelCard.class);
        return json.writeValueAsBytes(new TrainResult(input.botId(), version.version(), input.publish(), recorded));
    }
}
