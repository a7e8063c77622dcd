package io.gureum.vision.face;

/**
 * How alike two faces are: the cosine of their identity vectors (FaceRes descriptors, L2-normalised), 0 to 1
 * (the descriptors are non-negative).
 * {@link #SAME_PERSON_THRESHOLD} is where verification says "the same person".
 */
public final class FaceSimilarity {
    /**
     * Similarity at or above which two faces are called the same person. Measured here on the test photos:
     * the same face shifted and rescaled scores 0.97-0.98, two different people 0.33-0.41. The threshold
     * sits between them; no labelled face-pair benchmark was available to tune it further.
     */
    public static final double SAME_PERSON_THRESHOLD = 0.6;

    private FaceSimilarity() {}

    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("vectors of different lengths: " + a.length + " and " + b.length);
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) norm += x * x;
        norm = Math.sqrt(norm);
        if (norm == 0) return v;
        for (int i = 0; i < v.length; i++) v[i] /= (float) norm;
        return v;
    }
}
