package io.gureum.speech.audio;

/**
 * What an audio upload may measure: checked on the bytes before decoding and on the duration before any sample is
 * allocated (a WAV header declares it; ffmpeg's output is cut off at the limit), so a small file cannot claim
 * gigabytes of memory.
 *
 * @param maxBytes   most bytes of encoded audio accepted
 * @param maxSeconds longest duration accepted
 */
public record AudioLimits(long maxBytes, double maxSeconds) {

    /** 200 MB and 4 hours: a long meeting recording in WAV at 16 kHz (115 MB/hour) or compressed. */
    public static final AudioLimits DEFAULTS = new AudioLimits(200_000_000L, 4 * 3600);

    public AudioLimits {
        if (maxBytes <= 0 || !(maxSeconds > 0)) {
            throw new IllegalArgumentException("Invalid audio limits: maxBytes=" + maxBytes + ", maxSeconds=" + maxSeconds);
        }
    }

    /** @throws io.gureum.core.Problem 413 {@code payload_too_large} */
    public void checkBytes(long bytes) {
        if (bytes > maxBytes) throw AudioProblems.tooManyBytes(bytes, this);
    }

    /** @throws io.gureum.core.Problem 413 {@code audio_too_long} */
    public void checkSeconds(double seconds) {
        if (seconds > maxSeconds) throw AudioProblems.tooLong(seconds, this);
    }

    /** The most samples of mono audio at {@code sampleRate} within the duration limit. */
    public long maxSamples(int sampleRate) {
        return (long) Math.ceil(maxSeconds * sampleRate);
    }
}
