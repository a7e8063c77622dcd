package io.gureum.chatbot.nlu;

import io.gureum.core.ModelRef;
import io.gureum.language.embeddings.TextEmbeddings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;

/**
 * Trains an intent classifier from example phrases: softmax regression over a MiniLM sentence embedding
 * concatenated with TF-IDF character n-grams ({@link CharNgramFeatures}). Out-of-scope examples, when given, are
 * learned as one more class.
 *
 * <p>The out-of-scope threshold is calibrated first: a stratified slice of each intent's phrases (and of the
 * out-of-scope examples) is held out, a model is trained on the rest, and the threshold chosen on the held-out
 * phrases ({@link #chooseThreshold}). Then the model is retrained on everything and keeps that threshold.
 * Each phrase is embedded once; both runs reuse the vectors. Deterministic for given data and settings.
 */
public final class IntentClassifierTrainer {
    /**
     * @param embeddingModel  empty for the catalog's default sentence-embedding model
     * @param hashBits        character n-grams are hashed into 2^hashBits buckets
     * @param heldOutFraction the share of each intent's phrases held out to calibrate the out-of-scope threshold
     */
    public record Settings(Optional<ModelRef> embeddingModel, int hashBits, int minNgram, int maxNgram, int epochs, int batchSize,
                           double learningRate, double l2, double heldOutFraction, long seed) {
        public Settings {
            if (heldOutFraction < 0 || heldOutFraction >= 1) throw new IllegalArgumentException("heldOutFraction must be in [0, 1)");
        }

        /** The settings measured on CLINC150 (see docs/chatbot.md): character 2- to 4-grams in 2^18 buckets, 10 epochs. */
        public static Settings defaults() {
            return new Settings(Optional.empty(), 18, 2, 4, 10, 32, 0.2, 1e-5, 0.2, 42);
        }

        public Settings withEmbeddingModel(ModelRef model) {
            return new Settings(Optional.of(model), hashBits, minNgram, maxNgram, epochs, batchSize, learningRate, l2, heldOutFraction, seed);
        }

        public Settings withOptimizer(int epochs, double learningRate, double l2) {
            return new Settings(embeddingModel, hashBits, minNgram, maxNgram, epochs, batchSize, learningRate, l2, heldOutFraction, seed);
        }

        SoftmaxRegression.Hyperparameters optimizer() {
            return new SoftmaxRegression.Hyperparameters(epochs, batchSize, learningRate, l2, seed);
        }
    }

    /** The out-of-scope threshold may turn away at most this share of the held-out phrases recognised correctly. */
    static final double MAX_REJECTED_CORRECT = 0.01;

    private final TextEmbeddings embeddings;
    private final Settings settings;

    public IntentClassifierTrainer(TextEmbeddings embeddings, Settings settings) {
        this.embeddings = embeddings;
        this.settings = settings;
    }

    public IntentClassifierTrainer(TextEmbeddings embeddings) {
        this(embeddings, Settings.defaults());
    }

    /** A phrase with its vector and class index (the out-of-scope class is {@code intents.size()}). */
    private record Labelled(String text, float[] embedding, int label) {}

    public TrainedIntentModel train(IntentTrainingSet data) {
        PhraseEmbedder embedder = new PhraseEmbedder(embeddings, settings.embeddingModel());
        List<String> intents = List.copyOf(new TreeSet<>(data.phrases().stream().map(TrainingPhrase::intent).toList()));
        Map<String, Integer> classOf = new LinkedHashMap<>();
        for (int k = 0; k < intents.size(); k++) classOf.put(intents.get(k), k);
        int outOfScope = intents.size();
        boolean learnsOutOfScope = !data.outOfScopeExamples().isEmpty();

        List<String> texts = new ArrayList<>(data.phrases().stream().map(TrainingPhrase::text).toList());
        texts.addAll(data.outOfScopeExamples());
        List<float[]> vectors = embedder.embed(texts);
        List<Labelled> all = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            int label = i < data.phrases().size() ? classOf.get(data.phrases().get(i).intent()) : outOfScope;
            all.add(new Labelled(texts.get(i), vectors.get(i), label));
        }
        int classes = intents.size() + (learnsOutOfScope ? 1 : 0);

        List<List<Labelled>> split = stratifiedSplit(all);
        List<Labelled> heldOut = split.get(1);
        OutOfScopeCalibration calibration = OutOfScopeCalibration.none();
        if (heldOut.stream().anyMatch(p -> p.label() != outOfScope)) {
            TrainedIntentModel probe = fit(embedder, split.get(0), intents, classes, learnsOutOfScope, OutOfScopeCalibration.none());
            calibration = chooseThreshold(probe, heldOut, outOfScope);
        }
        return fit(embedder, all, intents, classes, learnsOutOfScope, calibration);
    }

    private TrainedIntentModel fit(PhraseEmbedder embedder, List<Labelled> phrases, List<String> intents, int classes,
                                   boolean learnsOutOfScope, OutOfScopeCalibration calibration) {
        CharNgramFeatures ngrams = CharNgramFeatures.fit(phrases.stream().map(Labelled::text).toList(),
                settings.hashBits(), settings.minNgram(), settings.maxNgram());
        List<SoftmaxRegression.Example> examples = phrases.stream()
                .map(p -> new SoftmaxRegression.Example(p.embedding(), ngrams.vectorize(p.text()), p.label())).toList();
        SoftmaxRegression classifier = SoftmaxRegression.train(examples, classes, embedder.dimensions(), ngrams.dimensions(), settings.optimizer());
        return new TrainedIntentModel(embedder, ngrams, classifier, intents, learnsOutOfScope, calibration);
    }

    /** [kept, held out]: from each class, a seeded random {@code heldOutFraction} of its phrases (rounded down) is held out. */
    private List<List<Labelled>> stratifiedSplit(List<Labelled> all) {
        Map<Integer, List<Labelled>> byClass = new LinkedHashMap<>();
        for (Labelled phrase : all) byClass.computeIfAbsent(phrase.label(), k -> new ArrayList<>()).add(phrase);
        Random random = new Random(settings.seed());
        List<Labelled> kept = new ArrayList<>();
        List<Labelled> heldOut = new ArrayList<>();
        for (List<Labelled> phrases : byClass.values()) {
            List<Labelled> shuffled = new ArrayList<>(phrases);
            Collections.shuffle(shuffled, random);
            int held = (int) Math.floor(shuffled.size() * settings.heldOutFraction());
            heldOut.addAll(shuffled.subList(0, held));
            kept.addAll(shuffled.subList(held, shuffled.size()));
        }
        return List.of(kept, heldOut);
    }

    /**
     * The threshold on the best intent's confidence that maximises the balanced score
     * {@code (in-scope accuracy + out-of-scope recall) / 2} on the held-out phrases (a held-out phrase counts when its
     * own intent is recognised, an out-of-scope example when it is flagged), among the thresholds that turn away at
     * most {@link #MAX_REJECTED_CORRECT} of the held-out phrases recognised correctly; ties go to the lowest.
     *
     * <p>Why the cap: held-out out-of-scope examples are few (20 of CLINC150's 100), so each is worth several points
     * of recall, and the unconstrained balanced optimum chases the last hard ones with thresholds that turn away many
     * real requests (CLINC150 val: 91.3% in scope, 96% out-of-scope recall at threshold 0.49). The learned
     * out-of-scope class already flags most of them; the threshold only adds the low-confidence rest. Without
     * held-out out-of-scope examples there is nothing to balance, and the threshold is the highest within the cap.
     */
    private static OutOfScopeCalibration chooseThreshold(TrainedIntentModel probe, List<Labelled> heldOutPhrases, int outOfScopeClass) {
        List<double[]> inScope = new ArrayList<>();   // {best confidence, 1 if recognised as its own intent (before any threshold)}
        List<double[]> outOfScope = new ArrayList<>(); // {best confidence, 1 if flagged by the out-of-scope class}
        for (Labelled phrase : heldOutPhrases) {
            IntentParse parse = probe.parse(probe.probabilities(phrase.embedding(), phrase.text()));
            IntentConfidence best = parse.ranking().get(0);
            boolean flaggedByClass = parse.isOutOfScope(); // the probe has threshold 0: only its out-of-scope class flags
            if (phrase.label() == outOfScopeClass) {
                outOfScope.add(new double[] {best.confidence(), flaggedByClass ? 1 : 0});
            } else {
                boolean correct = !flaggedByClass && best.intent().equals(probe.intents().get(phrase.label()));
                inScope.add(new double[] {best.confidence(), correct ? 1 : 0});
            }
        }
        double[] correctConfidences = inScope.stream().filter(p -> p[1] == 1).mapToDouble(p -> p[0]).sorted().toArray();
        // thresholds up to this one turn away at most the allowed share of correctly recognised phrases
        double highestAllowed = correctConfidences.length == 0 ? 0
                : correctConfidences[(int) Math.floor(correctConfidences.length * MAX_REJECTED_CORRECT)];
        if (outOfScope.isEmpty()) {
            return new OutOfScopeCalibration(highestAllowed, inScope.size(), inScopeAccuracy(inScope, highestAllowed), 0, Double.NaN);
        }
        List<Double> candidates = new ArrayList<>(List.of(0.0, highestAllowed));
        inScope.forEach(p -> candidates.add(p[0]));
        outOfScope.forEach(p -> candidates.add(Math.nextUp(p[0]))); // just above an example's confidence flags it
        Collections.sort(candidates);
        double bestThreshold = 0;
        double bestScore = -1;
        for (double threshold : candidates) {
            if (threshold > highestAllowed) break;
            double score = (inScopeAccuracy(inScope, threshold) + outOfScopeRecall(outOfScope, threshold)) / 2;
            if (score > bestScore) {
                bestScore = score;
                bestThreshold = threshold;
            }
        }
        return new OutOfScopeCalibration(bestThreshold, inScope.size(), inScopeAccuracy(inScope, bestThreshold),
                outOfScope.size(), outOfScopeRecall(outOfScope, bestThreshold));
    }

    private static double inScopeAccuracy(List<double[]> inScope, double threshold) {
        return inScope.stream().filter(p -> p[1] == 1 && p[0] >= threshold).count() / (double) inScope.size();
    }

    private static double outOfScopeRecall(List<double[]> outOfScope, double threshold) {
        return outOfScope.stream().filter(p -> p[1] == 1 || p[0] < threshold).count() / (double) outOfScope.size();
    }
}
