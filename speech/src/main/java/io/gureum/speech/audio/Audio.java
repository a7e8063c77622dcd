package io.gureum.speech.audio;

/**
 * Mono audio as samples in [-1, 1] at a sample rate: what decoders produce and recognizers read
 * (recognizers take {@link #SPEECH_RATE}).
 */
public record Audio(float[] samples, int sampleRate) {
    /** The rate every recognizer and the voice activity detector read. */
    public static final int SPEECH_RATE = 16_000;

    public Audio {
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
    }

    public double seconds() {
        return samples.length / (double) sampleRate;
    }

    /** Samples [from, to) as a new clip (copied). */
    public Audio slice(int from, int to) {
        return new Audio(java.util.Arrays.copyOfRange(samples, from, to), sampleRate);
    }

    /** 16-bit little-endian PCM, the form native engines (Vosk, Sphinx) take. */
    public byte[] pcm16() {
        byte[] out = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            int v = Math.max(-32768, Math.min(32767, Math.round(samples[i] * 32768f)));
            out[2 * i] = (byte) v;
            out[2 * i + 1] = (byte) (v >> 8);
        }
        return out;
    }
}
