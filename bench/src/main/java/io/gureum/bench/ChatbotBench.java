package io.gureum.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gureum.bench.ChatbotReport.Prediction;
import io.gureum.chatbot.nlu.Clinc150;
import io.gureum.chatbot.nlu.IntentClassifierTrainer;
import io.gureum.chatbot.nlu.IntentConfidence;
import io.gureum.chatbot.nlu.IntentParse;
import io.gureum.chatbot.nlu.OutOfScopeCalibration;
import io.gureum.chatbot.nlu.TrainedIntentModel;
import io.gureum.chatbot.nlu.TrainingPhrase;
import io.gureum.core.GureumHome;
import io.gureum.core.ModelRef;
import io.gureum.core.Problem;
import io.gureum.core.SharedData;
import io.gureum.language.embeddings.TextEmbeddings;
import io.gureum.runtime.models.ModelCatalog;
import io.gureum.runtime.models.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code gureum bench chatbot}: the chatbot's intent classifier on CLINC150, trained and parsed in-process through
 * the code the API uses ({@link IntentClassifierTrainer#train}, {@link TrainedIntentModel#parse}), beside the figures
 * Larson et al. 2019 publish for the same protocol ("oos-train"): train on {@code train} + {@code oos_train}
 * (15,100 phrases), evaluate on {@code val} (3,000, in-scope accuracy) and {@code oos_val} (100, out-of-scope recall).
 * The val phrases and queries are parsed one by one on one thread, after a warm-up on training phrases, and timed.
 */
@Command(name = "chatbot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Intent classification on CLINC150: trains on train + oos_train with the chatbot module's trainer, "
                + "then prints in-scope accuracy and out-of-scope recall on val + oos_val beside Larson et al. 2019 "
                + "(BERT, MLP, DialogFlow, Rasa), training time, parse latency p50/p95 (one thread) and the model's size.",
                "Needs the shared data (GUREUM_SHARED_DATA, or shared/data beside the repository: " + Clinc150.SHARED_DATA_FILE
                        + ") and the embedding model (./gureum models install all-minilm-l6-v2-q)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:measured (PASS or MISS)", "2:could not measure (no data, model not installed, bad options)"})
final class ChatbotBench implements Callable<Integer> {
    @Option(names = "--embedding-model", paramLabel = "ID@VERSION",
            description = "the sentence-embedding model to train with (default: the catalog's default, int8 MiniLM)")
    String embeddingModel;
    @Option(names = "--warm-up", description = "training phrases parsed, unmeasured, before the val set (default: ${DEFAULT-VALUE})")
    int warmUp = 500;
    @Option(names = "--models-dir", description = "installed models (default: $GUREUM_MODELS_DIR, else $GUREUM_HOME/models, else ~/.gureum/models)")
    Path modelsDir;
    @Option(names = "--json", paramLabel = "FILE", description = "where to write the results as JSON (default: bench/target/chatbot-bench.json)")
    Path jsonFile;

    @Override
    public Integer call() throws Exception {
        if (warmUp < 0) throw new BenchException("--warm-up must be 0 or more");
        Path file = SharedData.resolve(Clinc150.SHARED_DATA_FILE);
        if (!Files.isRegularFile(file)) {
            throw new BenchException("no " + file + " (set GUREUM_SHARED_DATA to the folder holding " + Clinc150.SHARED_DATA_FILE + ")");
        }
        Clinc150 data = Clinc150.read(file);
        var settings = IntentClassifierTrainer.Settings.defaults();
        if (embeddingModel != null) settings = settings.withEmbeddingModel(ModelRef.parse(embeddingModel));
        ModelStore store = new ModelStore(modelsDir != null ? modelsDir.toAbsolutePath() : GureumHome.fromEnvironment().models(),
                ModelCatalog.builtIn());

        Map<String, Object> setup = MachineCpu.describe();
        setup.put("data", file.toString());
        setup.put("models", store.root().toString());
        System.out.println("gureum bench chatbot: CLINC150, train + oos_train → val + oos_val, beside Larson et al. 2019");
        System.out.printf(Locale.ROOT, "  machine: %s cores (%s), %s memory, %s%n", setup.get("cores"), setup.get("cpu"), setup.get("memory"), setup.get("os"));
        System.out.printf(Locale.ROOT, "  java:    %s%n%n", setup.get("java"));

        try (TextEmbeddings embeddings = new TextEmbeddings(store)) {
            long loadStart = System.nanoTime();
            try {
                setup.put("embeddingModel", embeddings.model(settings.embeddingModel()).ref().toString());
            } catch (Problem p) {
                throw new BenchException(p.detail() + " (./gureum models install " + settings.embeddingModel().map(ModelRef::id).orElse("all-minilm-l6-v2-q") + ")");
            }
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            setup.put("settings", settings.toString());
            setup.put("warmUpParses", warmUp);

            System.out.printf(Locale.ROOT, "  training on %,d phrases + %,d out-of-scope examples (%s)...%n",
                    data.train().inScope().size(), data.train().outOfScope().size(), setup.get("embeddingModel"));
            long start = System.nanoTime();
            long[] cpu = cpuNow();
            TrainedIntentModel model = new IntentClassifierTrainer(embeddings, settings).train(data.train().trainingSet());
            double trainingSeconds = (System.nanoTime() - start) / 1e9;
            setup.put("otherCoresDuringTraining", otherCores(cpu, trainingSeconds));
            int modelBytes = model.toBytes().length;

            List<TrainingPhrase> train = data.train().inScope();
            for (int i = 0; i < warmUp; i++) model.parse(train.get(i * 7 % train.size()).text()); // spread over the intents
            List<Prediction> predictions = new ArrayList<>();
            long parseStart = System.nanoTime();
            cpu = cpuNow();
            for (TrainingPhrase phrase : data.val().inScope()) predictions.add(timedParse(model, phrase.intent(), phrase.text()));
            for (String query : data.val().outOfScope()) predictions.add(timedParse(model, null, query));
            setup.put("otherCoresDuringParses", otherCores(cpu, (System.nanoTime() - parseStart) / 1e9));

            ChatbotReport report = new ChatbotReport(setup, data.train().inScope().size(), data.train().outOfScope().size(),
                    loadSeconds, trainingSeconds, predictions, modelBytes, calibration(model.calibration()));
            System.out.println();
            System.out.print(report.table());
            Path json = jsonFile != null ? jsonFile : HttpBench.benchJar().toAbsolutePath().getParent().resolve("chatbot-bench.json");
            Path parent = json.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report.toMap());
            System.out.println("\n  results written to " + json);
        }
        return 0;
    }

    /** {machine busy CPU, this JVM's CPU} now, in ns (-1 where unknown). */
    private static long[] cpuNow() {
        return new long[] {MachineCpu.busyNanos(), MachineCpu.processNanos()};
    }

    /** Cores other processes kept busy since {@code before}, over {@code seconds}; NaN where the OS does not say. */
    private static double otherCores(long[] before, double seconds) {
        long[] now = cpuNow();
        if (before[0] < 0 || before[1] < 0 || now[0] < 0 || now[1] < 0 || seconds <= 0) return Double.NaN;
        return Math.max(0, ((now[0] - before[0]) - (now[1] - before[1])) / 1e9 / seconds);
    }

    private static Prediction timedParse(TrainedIntentModel model, String expected, String text) {
        long before = System.nanoTime();
        IntentParse parse = model.parse(text);
        double millis = (System.nanoTime() - before) / 1e6;
        return new Prediction(expected, parse.intent().map(IntentConfidence::intent).orElse(null), millis);
    }

    private static Map<String, Object> calibration(OutOfScopeCalibration c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("threshold", c.threshold());
        out.put("heldOutPhrases", c.heldOutPhrases());
        out.put("heldOutInScopeAccuracy", c.heldOutInScopeAccuracy());
        out.put("heldOutOutOfScopeExamples", c.heldOutOutOfScopeExamples());
        out.put("heldOutOutOfScopeRecall", c.heldOutOutOfScopeRecall());
        return out;
    }
}
