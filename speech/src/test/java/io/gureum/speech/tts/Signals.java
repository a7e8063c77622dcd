package io.gureum.speech.tts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Measures of synthesised audio that tests compare. */
final class Signals {
    private Signals() {}

    static double rms(short[] samples, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) sum += samples[i] * (double) samples[i];
        return to > from ? Math.sqrt(sum / (to - from)) : 0;
    }

    /**
     * The median fundamental frequency of the loud frames (40 ms, autocorrelation peak between 60 and 400 Hz):
     * enough to see a voice's pitch move.
     */
    static double medianPitchHz(short[] samples, int sampleRate) {
        int frame = sampleRate / 25;
        int minLag = sampleRate / 400;
        int maxLag = sampleRate / 60;
        double loud = rms(samples, 0, samples.length);
        List<Double> pitches = new ArrayList<>();
        for (int start = 0; start + frame + maxLag < samples.length; start += frame / 2) {
            if (rms(samples, start, start + frame) < loud) continue;
            double energy = correlation(samples, start, frame, 0);
            int bestLag = -1;
            double best = 0;
            for (int lag = minLag; lag <= maxLag; lag++) {
                double c = correlation(samples, start, frame, lag);
                if (c > best) {
                    best = c;
                    bestLag = lag;
                }
            }
            if (bestLag > 0 && best > 0.5 * energy) pitches.add(sampleRate / (double) bestLag);
        }
        Collections.sort(pitches);
        return pitches.isEmpty() ? 0 : pitches.get(pitches.size() / 2);
    }

    private static double correlation(short[] s, int start, int length, int lag) {
        double sum = 0;
        for (int i = start; i < start + length; i++) sum += s[i] * (double) s[i + lag];
        return sum;
    }
}
