package io.gureum.chatbot.nlu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression over a dense vector (a sentence embedding) concatenated with a sparse one
 * (character n-grams): {@code p = softmax(W_dense·dense + W_sparse·sparse + bias)}.
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
    /** Class-major: class k's weights over the dense features are {@code [k * denseDimensions, (k + 1) * denseDimensions)}. */
    private final float[] denseWeights;
    /** Feature-major: sparse feature j's weights for every class are adjacent, {@code [j * classes, (j + 1) * classes)}. */
    private final float[] sparseWeights;

    SoftmaxRegression(int classes, int denseDimensions, int sparseDimensions, float[] bias, float[] denseWeights, float[] sparseWeights) {
        if (bias.length != classes || denseWeights.length != classes * denseDimensions
                || sparseWeights.length != (long) sparseDimensions * classes) {
            throw new IllegalArgumentException("weight arrays do not match " + classes + " classes, " + denseDimensions
                    + " dense and " + sparseDimensions + " sparse features");
        }
        this.classes = classes;
        this.denseDimensions = denseDimensions;
        this.sparseDimensions = sparseDimensions;
        this.bias = bias;
        this.denseWeights = denseWeights;
        this.sparseWeights = sparseWeights;
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
                new float[classes * denseDimensions], new float[sparseDimensions * classes]);
        new Training(model, settings).run(examples);
        return model;
    }

    /** The class probabilities for these features. */
    float[] probabilities(float[] dense, SparseVector sparse) {
        float[] logits = bias.clone();
        for (int k = 0; k < classes; k++) {
            int row = k * denseDimensions;
            float sum = 0;
            for (int d = 0; d < denseDimensions; d++) sum += denseWeights[row + d] * dense[d];
            logits[k] += sum;
        }
        int[] indices = sparse.indices();
        float[] values = sparse.values();
        for (int i = 0; i < indices.length; i++) {
            int row = indices[i] * classes;
            float value = values[i];
            for (int k = 0; k < classes; k++) logits[k] += sparseWeights[row + k] * value;
        }
        return softmaxInPlace(logits);
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
    float[] denseWeights() { return denseWeights; }
    float[] sparseWeights() { return sparseWeights; }

    /** The state of one training run: gradient sums for a batch and AdaGrad's squared-gradient sums. */
    private static final class Training {
        private static final double EPSILON = 1e-8;
        private final SoftmaxRegression model;
        private final Hyperparameters settings;
        private final float[] biasGradient;
        private final float[] denseGradient;
        private final float[] sparseGradient;
        private final float[] biasHistory;
        private final float[] denseHistory;
        private final float[] sparseHistory;
        /** Sparse features present in the current batch, and a flag per feature, so only their rows are updated and cleared. */
        private final int[] touchedFeatures;
        private final boolean[] touched;
        private int touchedCount;

        Training(SoftmaxRegression model, Hyperparameters settings) {
            this.model = model;
            this.settings = settings;
            biasGradient = new float[model.bias.length];
            denseGradient = new float[model.denseWeights.length];
            sparseGradient = new float[model.sparseWeights.length];
            biasHistory = new float[model.bias.length];
            denseHistory = new float[model.denseWeights.length];
            sparseHistory = new float[model.sparseWeights.length];
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

        /** Adds the example's cross-entropy gradient, {@code (p - onehot(label)) ⊗ x}, to the batch's sums. */
        private void accumulate(Example example) {
            int classes = model.classes;
            int dimensions = model.denseDimensions;
            float[] error = model.probabilities(example.dense(), example.sparse());
            error[example.label()] -= 1f;
            float[] dense = example.dense();
            for (int k = 0; k < classes; k++) {
                float e = error[k];
                biasGradient[k] += e;
                int row = k * dimensions;
                for (int d = 0; d < dimensions; d++) denseGradient[row + d] += e * dense[d];
            }
            int[] indices = example.sparse().indices();
            float[] values = example.sparse().values();
            for (int i = 0; i < indices.length; i++) {
                int feature = indices[i];
                if (!touched[feature]) {
                    touched[feature] = true;
                    touchedFeatures[touchedCount++] = feature;
                }
                int row = feature * classes;
                float value = values[i];
                for (int k = 0; k < classes; k++) sparseGradient[row + k] += error[k] * value;
            }
        }

        private void step(int batchSize) {
            float perExample = 1f / batchSize;
            update(model.bias, biasGradient, biasHistory, 0, model.bias.length, perExample, 0);
            update(model.denseWeights, denseGradient, denseHistory, 0, model.denseWeights.length, perExample, settings.l2());
            for (int i = 0; i < touchedCount; i++) {
                int feature = touchedFeatures[i];
                update(model.sparseWeights, sparseGradient, sparseHistory, feature * model.classes, model.classes, perExample, settings.l2());
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
