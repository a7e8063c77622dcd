package io.gureum.chatbot.nlu;

import io.gureum.core.Problem;
import io.gureum.language.embeddings.TextEmbeddings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A trained intent classifier: ranks a message's intents and tells whether it is out of scope. Made by
 * {@link IntentClassifierTrainer}; saved with {@link #toBytes()} and loaded with {@link #fromBytes}, so that it can be
 * kept in the model store. Thread-safe.
 *
 * <pre>{@code
 * IntentParse parse = model.parse("what's the balance on my checking account");
 * parse.intent();        // Optional[IntentConfidence[intent=balance, confidence=0.93]]
 * parse.isOutOfScope();  // false
 * }</pre>
 */
public final class TrainedIntentModel {
    /** How many intents a parse ranks. */
    public static final int RANKING_SIZE = 5;

    private final PhraseEmbedder embedder;
    private final CharNgramFeatures ngrams;
    private final SoftmaxRegression classifier;
    private final List<String> intents;
    private final boolean learnedOutOfScope;
    private final OutOfScopeCalibration calibration;

    /**
     * @param intents           the classifier's classes, in order
     * @param learnedOutOfScope whether the classifier has one more class after {@code intents}: out of scope,
     *                          learned from examples
     */
    TrainedIntentModel(PhraseEmbedder embedder, CharNgramFeatures ngrams, SoftmaxRegression classifier, List<String> intents,
                       boolean learnedOutOfScope, OutOfScopeCalibration calibration) {
        if (classifier.classes() != intents.size() + (learnedOutOfScope ? 1 : 0)) {
            throw new IllegalArgumentException("the classifier has " + classifier.classes() + " classes for " + intents.size() + " intents");
        }
        this.embedder = embedder;
        this.ngrams = ngrams;
        this.classifier = classifier;
        this.intents = List.copyOf(intents);
        this.learnedOutOfScope = learnedOutOfScope;
        this.calibration = calibration;
    }

    /**
     * The intents of a message, best first, and whether it is out of scope.
     *
     * @throws Problem {@code validation_failed} (422) for an empty message or one too long to embed
     */
    public IntentParse parse(String text) {
        if (text == null || text.isBlank()) throw Problem.invalid("the message is empty");
        TextEmbeddings.validate(List.of(text));
        return parse(probabilities(embedder.embed(text), text));
    }

    float[] probabilities(float[] embedding, String text) {
        return classifier.probabilities(embedding, ngrams.vectorize(text));
    }

    /** Ranks the intents by probability; out of scope when the learned out-of-scope class beats them all or the best is under the threshold. */
    IntentParse parse(float[] probabilities) {
        List<IntentConfidence> ranking = new ArrayList<>(intents.size());
        for (int k = 0; k < intents.size(); k++) ranking.add(new IntentConfidence(intents.get(k), probabilities[k]));
        ranking.sort(Comparator.comparingDouble(IntentConfidence::confidence).reversed());
        double best = ranking.get(0).confidence();
        boolean outOfScopeWins = learnedOutOfScope && probabilities[intents.size()] > best;
        return new IntentParse(ranking.subList(0, Math.min(RANKING_SIZE, ranking.size())),
                outOfScopeWins || best < calibration.threshold());
    }

    /** The intents it recognises. */
    public List<String> intents() { return intents; }

    /** The sentence-embedding model it needs, {@code id@version}. */
    public String embeddingModel() { return embedder.model().toString(); }

    public OutOfScopeCalibration calibration() { return calibration; }

    /** Whether it was trained with out-of-scope examples. */
    public boolean learnedOutOfScope() { return learnedOutOfScope; }

    /** The model as bytes ({@link IntentModelFormat}). */
    public byte[] toBytes() {
        return IntentModelFormat.write(this);
    }

    /**
     * Reads a model written by {@link #toBytes()}; its embedding model must be installed in {@code embeddings}' store.
     *
     * @throws Problem {@code validation_failed} (422) for bytes that are not such a model, or of a newer format;
     *                 {@code model_not_installed} (503) when its embedding model is not installed
     */
    public static TrainedIntentModel fromBytes(byte[] bytes, TextEmbeddings embeddings) {
        return IntentModelFormat.read(bytes, embeddings);
    }

    PhraseEmbedder embedder() { return embedder; }
    CharNgramFeatures ngrams() { return ngrams; }
    SoftmaxRegression classifier() { return classifier; }
}
