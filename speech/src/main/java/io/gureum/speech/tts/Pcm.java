package io.gureum.speech.tts;

import io.gureum.speech.audio.Audio;
import io.gureum.speech.audio.Resampler;

/** Small operations on 16-bit mono samples. */
final class Pcm {
    private Pcm() {}

    static short[] silence(int millis, int sampleRate) {
        return new short[(int) ((long) millis * sampleRate / 1000)];
    }

    /** Multiplies in place, saturating at the 16-bit range. */
    static void scale(short[] samples, double gain) {
        if (gain == 1) return;
        for (int i = 0; i < samples.length; i++) {
            long v = Math.round(samples[i] * gain);
            samples[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
        }
    }

    /**
     * To another rate, through the band-limited resampler recognition uses: only when SSML switches to a voice
     * of another rate (flite's 16 kHz inside an espeak 22.05 kHz request).
     */
    static short[] resample(short[] samples, int fromRate, int toRate) {
        if (fromRate == toRate || samples.length == 0) return samples;
        float[] in = new float[samples.length];
        for (int i = 0; i < in.length; i++) in[i] = samples[i] / 32768f;
        float[] resampled = Resampler.resample(new Audio(in, fromRate), toRate).samples();
        short[] out = new short[resampled.length];
        for (int i = 0; i < out.length; i++) out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(resampled[i] * 32768f)));
        return out;
    }
}
