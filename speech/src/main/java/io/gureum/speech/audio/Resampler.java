package io.gureum.speech.audio;

/**
 * Band-limited sample-rate conversion between any two rates: a Kaiser-windowed sinc low-pass evaluated as a polyphase
 * filter, so each output sample costs one short dot product and nothing is computed at the intermediate (upsampled)
 * rate.
 *
 * <p>The filter is -6 dB at 0.95 of the lower rate's Nyquist frequency and at least 70 dB down from 1.05 of it, so
 * 44.1 or 48 kHz speech comes to 16 kHz flat to 6.8 kHz, and what could alias lands only above the cutoff. Ratios
 * of small integers (44100/16000 = 441/160) use exact phases; odd rates round the phase to 1/4096 of an input sample
 * (an error at least 65 dB below the signal).
 */
public final class Resampler {
    private static final double CUTOFF = 0.95;          // -6 dB point, as a fraction of the lower Nyquist frequency
    private static final double TRANSITION = 0.2;       // width of the transition band, same unit
    private static final double ATTENUATION_DB = 70;    // stopband attenuation the Kaiser window is designed for
    private static final int MAX_PHASES = 4096;

    private Resampler() {}

    /** {@code in} at {@code targetRate}; {@code in} itself when it is already at that rate. */
    public static Audio resample(Audio in, int targetRate) {
        if (targetRate <= 0) throw new IllegalArgumentException("target rate must be positive: " + targetRate);
        int inRate = in.sampleRate();
        if (inRate == targetRate) return in;
        int gcd = gcd(inRate, targetRate);
        int up = targetRate / gcd;
        int down = inRate / gcd;
        PolyphaseFilter filter = PolyphaseFilter.design(inRate, targetRate, up);
        return new Audio(filter.apply(in.samples(), up, down), targetRate);
    }

    /**
     * The low-pass kernel sampled at every phase an output sample can fall on between two input samples: row
     * {@code r} holds the taps for an output {@code r / phases} of an input sample after input {@code i}, applied to
     * inputs {@code i - half + 1 .. i + half}.
     */
    private record PolyphaseFilter(float[] rows, int taps, int phases, boolean exact) {

        static PolyphaseFilter design(int inRate, int outRate, int up) {
            double lowerNyquist = 0.5 * Math.min(inRate, outRate) / inRate; // in cycles per input sample
            double cutoff = CUTOFF * lowerNyquist;
            double transition = TRANSITION * lowerNyquist;
            // Kaiser's estimates of the length and shape for the attenuation over the transition width
            int half = (int) Math.ceil((ATTENUATION_DB - 7.95) / (14.36 * transition) / 2);
            int taps = 2 * half;
            double beta = 0.1102 * (ATTENUATION_DB - 8.7);
            boolean exact = up <= MAX_PHASES;
            int phases = exact ? up : MAX_PHASES;
            int rowCount = exact ? phases : phases + 1; // rounding may land on a whole sample: phase 1.0
            float[] rows = new float[rowCount * taps];
            double i0Beta = besselI0(beta);
            for (int r = 0; r < rowCount; r++) {
                double fraction = r / (double) phases;
                double sum = 0;
                double[] row = new double[taps];
                for (int j = 0; j < taps; j++) {
                    double distance = fraction + half - 1 - j; // from the input under tap j to the output, in samples
                    double u = distance / half;
                    double window = Math.abs(u) >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - u * u)) / i0Beta;
                    row[j] = 2 * cutoff * sinc(2 * cutoff * distance) * window;
                    sum += row[j];
                }
                // every phase passes DC at exactly unit gain, or a constant would come out rippled
                for (int j = 0; j < taps; j++) rows[r * taps + j] = (float) (row[j] / sum);
            }
            return new PolyphaseFilter(rows, taps, phases, exact);
        }

        float[] apply(float[] x, int up, int down) {
            int half = taps / 2;
            float[] out = new float[(int) ((x.length * (long) up + down - 1) / down)];
            int stepWhole = down / up;
            int stepPhase = down % up;
            int index = 0; // output n sits at input time index + phase / up
            int phase = 0;
            for (int n = 0; n < out.length; n++) {
                int row = exact ? phase : (int) ((phase * (long) phases + up / 2) / up);
                int start = index - half + 1;
                float value = start >= 0 && start + taps <= x.length
                        ? dot(x, start, rows, row * taps, taps)
                        : dotInside(x, start, rows, row * taps, taps);
                out[n] = Samples.clamp(value);
                index += stepWhole;
                phase += stepPhase;
                if (phase >= up) {
                    phase -= up;
                    index++;
                }
            }
            return out;
        }

        /** Four running sums, so the additions do not wait on each other: the loop runs at load speed. */
        private static float dot(float[] x, int xFrom, float[] c, int cFrom, int n) {
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            int j = 0;
            for (; j + 7 < n; j += 8) {
                s0 += x[xFrom + j] * c[cFrom + j];
                s1 += x[xFrom + j + 1] * c[cFrom + j + 1];
                s2 += x[xFrom + j + 2] * c[cFrom + j + 2];
                s3 += x[xFrom + j + 3] * c[cFrom + j + 3];
                s4 += x[xFrom + j + 4] * c[cFrom + j + 4];
                s5 += x[xFrom + j + 5] * c[cFrom + j + 5];
                s6 += x[xFrom + j + 6] * c[cFrom + j + 6];
                s7 += x[xFrom + j + 7] * c[cFrom + j + 7];
            }
            for (; j < n; j++) s0 += x[xFrom + j] * c[cFrom + j];
            return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        }

        /** At the ends: samples before the start and after the end count as silence. */
        private static float dotInside(float[] x, int xFrom, float[] c, int cFrom, int n) {
            int from = Math.max(0, -xFrom);
            int to = Math.min(n, x.length - xFrom);
            float sum = 0;
            for (int j = from; j < to; j++) sum += x[xFrom + j] * c[cFrom + j];
            return sum;
        }
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /** The modified Bessel function of the first kind, order 0, by its power series (converges fast for x < 50). */
    private static double besselI0(double x) {
        double sum = 1, term = 1, quarterSquare = x * x / 4;
        for (int k = 1; term > 1e-12 * sum; k++) {
            term *= quarterSquare / ((double) k * k);
            sum += term;
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
