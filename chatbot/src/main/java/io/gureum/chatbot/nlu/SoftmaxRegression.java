package io.gureum.chatbot.nlu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression over a dense vector (a sentence embedding) concatenated with a sparse one
 * (character n-grams): {@code p = softmax(W·[dense ⊕ sparse] + bias)}.
 *
 * <p>Weights are stored feature-major, one row of class weights per feature, the dense features first: a
 * feature's contribution to the logits and its gradient are then each one {@code a[i] += s * b[i]} loop over the
 * classes, which the JIT vectorises, and a sparse feature touches one contiguous row.
 *
 * <p>Trained by mini-batch AdaGrad on the L2-regularised cross-entropy, in one thread from a seeded shuffle, so the
 * same data and settings give the same weights bit for bit. AdaGrad because its per-weight step sizes suit the mix
 * of features here, dense ones present in every example and rare n-grams in a few, without tuning a learning-rate
 * schedule. The L2 penalty of a sparse feature's weights is applied in the batches that contain the feature (the
 * usual lazy form for sparse models), which regularises frequent n-grams more than rare ones; dense weights get it
 * every batch.
 */
final class SoftmaxRegression {
    private final int classes;
    private final int denseDimensions;
    private final int sparseDimensions;
    private final float[] bias;
    /** Row f, {@code [f * classes, (f + 1) * classes)}, holds feature f's weight for each class; sparse feature j is f = denseDimensions + j. */
    private final float[] weights;

    SoftmaxRegression(int classes, int denseDimensions, int sparseDimensions, float[] bias, float[] weights) {
        if (bias.length != classes || weights.length != (long) (denseDimensions + sparseDimensions) * classes) {
            throw new IllegalArgumentException("weight arrays do not match " + classes + " classes, " + denseDimensions
                    + " dense and " + sparseDimensions + " sparse features");
        }
        this.classes = classes;
        this.denseDimensions = denseDimensions;
        this.sparseDimensions = sparseDimensions;
        this.bias = bias;
        this.weights = weights;
    }

    /** One training example: its features and the index of its class. */
    record Example(float[] dense, SparseVector sparse, int label) {}

    /**
     * @param epochs       passes over the data
     * @param batchSize    examples per AdaGrad step
     * @param learningRate AdaGrad's base step
     * @param l2           weight of the L2 penalty (per example)
     * @param seed         seeds the shuffle of each epoch
     */
    record Hyperparameters(int epochs, int batchSize, double learningRate, double l2, long seed) {
        Hyperparameters {
            if (epochs < 1 || batchSize < 1 || learningRate <= 0 || l2 < 0) throw new IllegalArgumentException("bad hyperparameters");
        }
    }

    static SoftmaxRegression train(List<Example> examples, int classes, int denseDimensions, int sparseDimensions, Hyperparameters settings) {
        var model = new SoftmaxRegression(classes, denseDimensions, sparseDimensions, new float[classes],
                new float[(denseDimensions + sparseDimensions) * classes]);
        new Training(model, settings).run(examples);
        return model;
    }

    /** The class probabilities for these features. */
    float[] probabilities(float[] dense, SparseVector sparse) {
        float[] logits = bias.clone();
        for (int d = 0; d < denseDimensions; d++) addScaledRow(logits, weights, d * classes, dense[d]);
        int[] indices = sparse.indices();
        float[] values = sparse.values();
        for (int i = 0; i < indices.length; i++) addScaledRow(logits, weights, (denseDimensions + indices[i]) * classes, values[i]);
        return softmaxInPlace(logits);
    }

    /** {@code target[k] += scale * rows[offset + k]} for every class k. */
    private static void addScaledRow(float[] target, float[] rows, int offset, float scale) {
        for (int k = 0; k < target.length; k++) target[k] += scale * rows[offset + k];
    }

    /** {@code rows[offset + k] += scale * source[k]} for every class k. */
    private static void addScaledToRow(float[] rows, int offset, float[] source, float scale) {
        for (int k = 0; k < source.length; k++) rows[offset + k] += scale * source[k];
    }

    private static float[] softmaxInPlace(float[] logits) {
        float max = Float.NEGATIVE_INFINITY;
        for (float logit : logits) max = Math.max(max, logit);
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            logits[k] = (float) Math.exp(logits[k] - max);
            sum += logits[k];
        }
        for (int k = 0; k < logits.length; k++) logits[k] /= (float) sum;
        return logits;
    }

    int classes() { return classes; }
    int denseDimensions() { return denseDimensions; }
    int sparseDimensions() { return sparseDimensions; }
    float[] bias() { return bias; }
    float[] weights() { return weights; }

    /** The state of one training run: gradient sums for a batch and AdaGrad's squared-gradient sums. */
    private static final class Training {
        private static final double EPSILON = 1e-8;
        private final SoftmaxRegression model;
        private final Hyperparameters settings;
        private final float[] biasGradient;
        private final float[] gradient;
        private final float[] biasHistory;
        private final float[] history;
        /** Sparse features present in the current batch, and a flag per feature, so only their rows are updated and cleared. */
        private final int[] touchedFeatures;
        private final boolean[] touched;
        private int touchedCount;

        Training(SoftmaxRegression model, Hyperparameters settings) {
            this.model = model;
            this.settings = settings;
            biasGradient = new float[model.classes];
            gradient = new float[model.weights.length];
            biasHistory = new float[model.classes];
            history = new float[model.weights.length];
            touchedFeatures = new int[model.sparseDimensions];
            touched = new boolean[model.sparseDimensions];
        }

        void run(List<Example> examples) {
            List<Example> order = new ArrayList<>(examples);
            Random random = new Random(settings.seed());
            for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                Collections.shuffle(order, random);
                for (int start = 0; start < order.size(); start += settings.batchSize()) {
                    List<Example> batch = order.subList(start, Math.min(order.size(), start + settings.batchSize()));
                    for (Example example : batch) accumulate(example);
                    step(batch.size());
                }
            }
        }

        /** Adds the example's cross-entropy gradient, {@code x ⊗ (p - onehot(label))}, to the batch's sums. */
        private void accumulate(Example example) {
            int classes = model.classes;
            float[] error = model.probabilities(example.dense(), example.sparse());
            error[example.label()] -= 1f;
            for (int k = 0; k < classes; k++) biasGradient[k] += error[k];
            float[] dense = example.dense();
            for (int d = 0; d < model.denseDimensions; d++) addScaledToRow(gradient, d * classes, error, dense[d]);
            int[] indices = example.sparse().indices();
            float[] values = example.sparse().values();
            for (int i = 0; i < indices.length; i++) {
                int feature = indices[i];
                if (!touched[feature]) {
                    touched[feature] = true;
                    touchedFeatures[touchedCount++] = feature;
                }
                addScaledToRow(gradient, (model.denseDimensions + feature) * classes, error, values[i]);
            }
        }

        private void step(int batchSize) {
            float perExample = 1f / batchSize;
            int classes = model.classes;
            update(model.bias, biasGradient, biasHistory, 0, classes, perExample, 0);
            update(model.weights, gradient, history, 0, model.denseDimensions * classes, perExample, settings.l2());
            for (int i = 0; i < touchedCount; i++) {
                int feature = touchedFeatures[i];
                update(model.weights, gradient, history, (model.denseDimensions + feature) * classes, classes, perExample, settings.l2());
                touched[feature] = false;
            }
            touchedCount = 0;
        }

        /** AdaGrad on {@code weights[from, from + length)}, then clears those gradient sums for the next batch. */
        private void update(float[] weights, float[] gradient, float[] history, int from, int length, float perExample, double l2) {
            float rate = (float) settings.learningRate();
            float penalty = (float) l2;
            for (int i = from; i < from + length; i++) {
                float g = gradient[i] * perExample + penalty * weights[i];
                history[i] += g * g;
                weights[i] -= rate * g / (float) (Math.sqrt(history[i]) + EPSILON);
                gradient[i] = 0f;
            }
        }
    }
}
