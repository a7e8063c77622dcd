package io.gureum.speech.vad;

/** A stretch of speech found by the detector, as sample offsets [start, end) at 16 kHz. */
public record SpeechSegment(int start, int end) {
    public double startSeconds() {
        return start / 16_000.0;
    }

    public double endSeconds() {
        return end / 16_000.0;
    }

    public int length() {
        return end - start;
    }
}
