package io.gureum.speech.audio;

/** Keeps samples inside the range {@link Audio} promises. */
final class Samples {
    private Samples() {}

    /**
     * Float sources (float WAVs, lossy decoders, filter overshoot) can go past full scale or hold NaN; both would
     * upset every consumer that assumes [-1, 1].
     */
    static float clamp(float v) {
        return v != v ? 0f : Math.max(-1f, Math.min(1f, v));
    }
}
