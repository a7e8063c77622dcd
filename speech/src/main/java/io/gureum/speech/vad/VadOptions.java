package io.gureum.speech.vad;

/**
 * How speech probabilities become segments. Hysteresis (start at {@code threshold}, end below
 * {@code threshold - 0.15}) keeps soft syllables inside a segment instead of cutting words in two.
 *
 * @param threshold        speech starts where the probability reaches this
 * @param minSpeechMs      shorter bursts (clicks, coughs) are dropped
 * @param minSilenceMs     a pause this long ends a segment; shorter pauses stay inside it
 * @param maxSpeechSeconds a segment longer than this is cut at its least speech-like moment, so that
 *                         long monologues still spread over cores and no decoder gets minutes at once
 * @param padMs            kept on each side of a segment so that word onsets and endings are not clipped
 */
public record VadOptions(double threshold, int minSpeechMs, int minSilenceMs, double maxSpeechSeconds, int padMs) {
    /** Tuned for transcription: sentence-sized segments of at most 20 s. */
    public static final VadOptions TRANSCRIPTION = new VadOptions(0.5, 250, 400, 20, 150);

    public VadOptions {
        if (threshold <= 0.15 || threshold >= 1) throw new IllegalArgumentException("threshold must be in (0.15, 1): " + threshold);
        if (minSpeechMs < 0 || minSilenceMs < 0 || padMs < 0 || maxSpeechSeconds <= 1) {
            throw new IllegalArgumentException("invalid VAD durations");
        }
    }

    double endThreshold() {
        return threshold - 0.15;
    }
}
