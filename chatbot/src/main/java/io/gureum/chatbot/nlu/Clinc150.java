package io.gureum.chatbot.nlu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CLINC150 (Larson et al. 2019, "An Evaluation Dataset for Intent Classification and Out-of-Scope Prediction"), as
 * its {@code data_full.json}-style file holds it: {@code train}/{@code val} are {@code [text, intent]} pairs of 150
 * intents, {@code oos_train}/{@code oos_val} the out-of-scope queries. Read by the evaluation test and by
 * {@code gureum bench chatbot}, so that both measure the same phrases.
 */
public record Clinc150(Split train, Split val) {
    /** Where it lies in the shared evaluation data ({@code io.gureum.core.SharedData.resolve}). */
    public static final String SHARED_DATA_FILE = "intent/clinc150/train_val.json";

    /** One split: its in-scope phrases with their intents and its out-of-scope queries. */
    public record Split(List<TrainingPhrase> inScope, List<String> outOfScope) {
        public Split {
            inScope = List.copyOf(inScope);
            outOfScope = List.copyOf(outOfScope);
        }

        /** What the trainer takes: the phrases, with the out-of-scope queries as out-of-scope examples. */
        public IntentTrainingSet trainingSet() {
            return new IntentTrainingSet(inScope, outOfScope);
        }
    }

    /** {@code train} + {@code oos_train} and {@code val} + {@code oos_val} of the file. */
    public static Clinc150 read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        return new Clinc150(split(root, "train", "oos_train"), split(root, "val", "oos_val"));
    }

    private static Split split(JsonNode root, String inScopeKey, String outOfScopeKey) throws IOException {
        if (root.get(inScopeKey) == null || root.get(outOfScopeKey) == null) {
            throw new IOException("not CLINC150 data: no '" + inScopeKey + "' or '" + outOfScopeKey + "'");
        }
        List<TrainingPhrase> inScope = new ArrayList<>();
        root.get(inScopeKey).forEach(item -> inScope.add(new TrainingPhrase(item.get(0).asText(), item.get(1).asText())));
        List<String> outOfScope = new ArrayList<>();
        root.get(outOfScopeKey).forEach(item -> outOfScope.add(item.get(0).asText()));
        return new Split(inScope, outOfScope);
    }
}
