package io.gureum.speech.tts;

/**
 * How a stretch of speech is spoken, all multipliers of the voice's normal: {@code rate} of speaking speed,
 * {@code pitch} of base frequency, {@code volume} of amplitude. SSML nests them; {@link #clamped()} keeps the
 * result within what every engine can do.
 */
record Prosody(double rate, double pitch, double volume) {
    static final Prosody NORMAL = new Prosody(1, 1, 1);

    Prosody withRate(double rate) {
        return new Prosody(rate, pitch, volume);
    }

    Prosody withPitch(double pitch) {
        return new Prosody(rate, pitch, volume);
    }

    Prosody withVolume(double volume) {
        return new Prosody(rate, pitch, volume);
    }

    /** Within the ranges a request may ask for, so nested SSML (x-fast inside a fast request) cannot go beyond. */
    Prosody clamped() {
        return new Prosody(
                clamp(rate, SynthesisRequest.MIN_RATE, SynthesisRequest.MAX_RATE),
                clamp(pitch, 1 + SynthesisRequest.MIN_PITCH / 100, 1 + SynthesisRequest.MAX_PITCH / 100),
                clamp(volume, SynthesisRequest.MIN_VOLUME, SynthesisRequest.MAX_VOLUME));
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
