package io.gureum.vision.face;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Facial expression scores for the seven FER-2013 classes (they sum to 1), named as Azure Face names them.
 *
 * @param dominant the class with the highest score
 * @param scores   class name to score, in a fixed order
 */
public record Emotion(String dominant, Map<String, Double> scores) {
    /** The model's output order (FER-2013), with Azure's names. */
    static final String[] CLASSES = {"anger", "disgust", "fear", "happiness", "sadness", "surprise", "neutral"};

    static Emotion fromProbabilities(float[] probabilities, int offset) {
        Map<String, Double> scores = new LinkedHashMap<>();
        int best = 0;
        for (int i = 0; i < CLASSES.length; i++) {
            scores.put(CLASSES[i], Math.round(probabilities[offset + i] * 1000) / 1000.0);
            if (probabilities[offset + i] > probabilities[offset + best]) best = i;
        }
        return new Emotion(CLASSES[best], scores);
    }
}
