package io.gureum.vision.objects;

import io.gureum.core.ModelRef;
import io.gureum.core.Problem;

import java.util.Optional;

/**
 * @param minConfidence objects scoring below this are dropped (0-1)
 * @param maxObjects    at most this many, the most confident first (1-{@value #MAX_OBJECTS})
 * @param model         the object-detection model, empty for the catalog default
 */
public record ObjectOptions(double minConfidence, int maxObjects, Optional<ModelRef> model) {
    public static final int MAX_OBJECTS = 300;
    public static final double DEFAULT_MIN_CONFIDENCE = 0.25;
    public static final int DEFAULT_MAX_OBJECTS = 100;

    public ObjectOptions {
        if (!(minConfidence >= 0 && minConfidence <= 1)) throw Problem.invalid("minConfidence must be 0-1, was " + minConfidence);
        if (maxObjects < 1 || maxObjects > MAX_OBJECTS) throw Problem.invalid("maxObjects must be 1-" + MAX_OBJECTS + ", was " + maxObjects);
    }

    public static ObjectOptions defaults() {
        return new ObjectOptions(DEFAULT_MIN_CONFIDENCE, DEFAULT_MAX_OBJECTS, Optional.empty());
    }
}
