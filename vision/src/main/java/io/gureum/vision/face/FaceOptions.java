package io.gureum.vision.face;

import io.gureum.core.ModelRef;
import io.gureum.core.Problem;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What to find and read.
 *
 * @param attributes    attributes to estimate for each face (may be empty)
 * @param embedding     whether to compute each face's identity vector
 * @param maxFaces      at most this many faces, the most confident first (1-{@value #MAX_FACES})
 * @param minFaceSize   the smallest face side, in image pixels, to look for (at least {@value #SMALLEST_FACE});
 *                      smaller values search finer scales and cost more time on large images
 * @param minConfidence detector scores below this are dropped (0-1)
 * @param detector      the face-detection model, empty for the catalog default
 */
public record FaceOptions(Set<FaceAttribute> attributes, boolean embedding, int maxFaces, int minFaceSize,
                          double minConfidence, Optional<ModelRef> detector) {
    public static final int MAX_FACES = 1000;
    public static final int SMALLEST_FACE = 16;
    public static final int DEFAULT_MIN_FACE_SIZE = 24;
    public static final double DEFAULT_MIN_CONFIDENCE = 0.75;

    public FaceOptions {
        attributes = attributes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(attributes));
        if (maxFaces < 1 || maxFaces > MAX_FACES) throw Problem.invalid("maxFaces must be 1-" + MAX_FACES + ", was " + maxFaces);
        if (minFaceSize < SMALLEST_FACE) throw Problem.invalid("minFaceSize must be at least " + SMALLEST_FACE + " pixels, was " + minFaceSize);
        if (!(minConfidence >= 0 && minConfidence <= 1)) throw Problem.invalid("minConfidence must be 0-1, was " + minConfidence);
    }

    /** Boxes and landmarks only, with the defaults. */
    public static FaceOptions detection() {
        return new FaceOptions(Set.of(), false, 100, DEFAULT_MIN_FACE_SIZE, DEFAULT_MIN_CONFIDENCE, Optional.empty());
    }

    public FaceOptions withAttributes(Set<FaceAttribute> wanted) {
        return new FaceOptions(wanted, embedding, maxFaces, minFaceSize, minConfidence, detector);
    }

    public FaceOptions withEmbedding(boolean wanted) {
        return new FaceOptions(attributes, wanted, maxFaces, minFaceSize, minConfidence, detector);
    }

    public FaceOptions withMaxFaces(int max) {
        return new FaceOptions(attributes, embedding, max, minFaceSize, minConfidence, detector);
    }

    public FaceOptions withMinFaceSize(int pixels) {
        return new FaceOptions(attributes, embedding, maxFaces, pixels, minConfidence, detector);
    }

    public FaceOptions withMinConfidence(double min) {
        return new FaceOptions(attributes, embedding, maxFaces, minFaceSize, min, detector);
    }

    public FaceOptions withDetector(Optional<ModelRef> model) {
        return new FaceOptions(attributes, embedding, maxFaces, minFaceSize, minConfidence, model);
    }
}
