package io.gureum.speech.tts;

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
     * Linear interpolation to another rate. Only used when SSML switches to a voice of another rate (flite's
     * 16 kHz inside an espeak 22.05 kHz request), where speech has little energy near the band edge, so the
     * aliasing a proper low-pass filter would remove is not audible enough to pay for one.
     */
    static short[] resample(short[] samples, int fromRate, int toRate) {
        if (fromRate == toRate || samples.length == 0) return samples;
        int length = (int) ((long) samples.length * toRate / fromRate);
        short[] out = new short[length];
        double step = (double) fromRate / toRate;
        for (int i = 0; i < length; i++) {
            double position = i * step;
            int left = (int) position;
            int right = Math.min(left + 1, samples.length - 1);
            double fraction = position - left;
            out[i] = (short) Math.round(samples[left] * (1 - fraction) + samples[right] * fraction);
        }
        return out;
    }
}
