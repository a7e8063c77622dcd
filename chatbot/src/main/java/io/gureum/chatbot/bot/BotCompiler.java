package io.gureum.chatbot.bot;

import io.gureum.chatbot.entities.AnnotatedPhrase;
import io.gureum.chatbot.entities.EntityExtractor;
import io.gureum.chatbot.entities.EntityType;
import io.gureum.chatbot.entities.ListEntity;
import io.gureum.chatbot.entities.RegexEntity;
import io.gureum.chatbot.entities.SystemEntity;
import io.gureum.chatbot.nlu.IntentTrainingSet;
import io.gureum.chatbot.nlu.TrainingPhrase;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What a valid bot turns into: the classifier's training set, the entity extractor, its locale and zone. */
public final class BotCompiler {
    private BotCompiler() {}

    /** The intents' phrases as plain text (annotations removed) and the out-of-scope examples. */
    public static IntentTrainingSet trainingSet(Bot bot) {
        BotValidator.requireValid(bot);
        List<TrainingPhrase> phrases = new ArrayList<>();
        for (Intent intent : bot.intents()) {
            for (String phrase : intent.phrases()) phrases.add(new TrainingPhrase(AnnotatedPhrase.parse(phrase).text(), intent.name()));
        }
        return new IntentTrainingSet(phrases, bot.outOfScopeExamples());
    }

    /** An extractor for the bot's own entity types and the system entities its slots use. */
    public static EntityExtractor entityExtractor(Bot bot) {
        BotValidator.requireValid(bot);
        List<EntityType> types = new ArrayList<>();
        for (EntityTypeDefinition definition : bot.entityTypes()) types.add(entityType(definition));
        Set<SystemEntity> system = new LinkedHashSet<>();
        for (Intent intent : bot.intents()) {
            for (Slot slot : intent.slots()) SystemEntity.byName(slot.entityType()).ifPresent(system::add);
        }
        types.addAll(system);
        // An extractor needs one type; a bot whose slots are all sys.any still gets one that finds nothing it uses.
        if (types.isEmpty()) types.add(SystemEntity.NUMBER);
        return new EntityExtractor(types);
    }

    public static Locale locale(Bot bot) {
        return Locale.forLanguageTag(bot.locale());
    }

    /** The bot's zone; UTC when it names none. */
    public static ZoneId zone(Bot bot) {
        return bot.timeZone() == null ? ZoneId.of("UTC") : ZoneId.of(bot.timeZone());
    }

    static EntityType entityType(EntityTypeDefinition definition) {
        if (definition.pattern() != null) return new RegexEntity(definition.name(), definition.pattern());
        List<ListEntity.Value> values = new ArrayList<>();
        for (EntityTypeDefinition.Value v : definition.values()) values.add(new ListEntity.Value(v.value(), v.synonyms()));
        return new ListEntity(definition.name(), values);
    }
}
