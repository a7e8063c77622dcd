package io.gureum.speech.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Locale;

import static io.gureum.speech.audio.TestAudio.rms;
import static io.gureum.speech.audio.TestAudio.sine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ResamplerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"48000, 16000", "44100, 16000", "22050, 16000", "8000, 16000", "16000, 44100", "11025, 16000",
            "44101, 16000", "16000, 8000", "96000, 16000"})
    void keepsA1kHzToneAtItsAmplitudeAndFrequency(int from, int to) {
        Audio tone = new Audio(sine(1_000, 0.5, from, 1.0), from);

        Audio out = Resampler.resample(tone, to);

        assertThat(out.sampleRate()).isEqualTo(to);
        assertThat((double) out.samples().length).isCloseTo(tone.samples().length * (double) to / from, within(1.0));
        // fit a 1 kHz sinusoid away from the edges: its amplitude is the tone's, and nothing else is left over
        Fit fit = Fit.at(1_000, out, to / 10, out.samples().length - to / 10);
        assertThat(decibels(fit.amplitude / 0.5)).as("gain, dB").isCloseTo(0, within(1.0));
        assertThat(decibels(fit.residualRms / (0.5 / Math.sqrt(2)))).as("residual, dB").isLessThan(-60);
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(ints = {8_500, 9_000, 12_000, 15_000, 20_000, 23_000})
    void stopsTonesAboveTheNewNyquistFromAliasing(int hertz) {
        Audio tone = new Audio(sine(hertz, 0.5, 48_000, 1.0), 48_000);

        Audio out = Resampler.resample(tone, 16_000);

        // a tone above 8 kHz has no place at 16 kHz: anything left is an alias (8.5 kHz would land at 7.5)
        double attenuation = decibels(rms(out.samples(), 1_600, 14_400) / rms(tone.samples(), 0, tone.samples().length));
        System.out.printf(Locale.ROOT, "%d Hz at 48 kHz -> 16 kHz: %.1f dB%n", hertz, attenuation);
        assertThat(attenuation).isLessThan(-40);
    }

    @ParameterizedTest
    @ValueSource(ints = {8_000, 16_000, 22_050, 44_100, 48_000})
    void isTheIdentityAtTheSameRate(int rate) {
        Audio audio = new Audio(sine(440, 0.3, rate, 0.1), rate);

        assertThat(Resampler.resample(audio, rate)).isSameAs(audio);
    }

    @Test
    void keepsSilenceSilentAndAConstantConstant() {
        float[] constant = new float[48_000];
        Arrays.fill(constant, 0.25f);

        float[] out = Resampler.resample(new Audio(constant, 44_100), 16_000).samples();

        for (int i = 200; i < out.length - 200; i++) assertThat(out[i]).isCloseTo(0.25f, within(1e-5f));
        assertThat(Resampler.resample(new Audio(new float[0], 44_100), 16_000).samples()).isEmpty();
    }

    @Test
    void roundTripsRealSpeech() {
        Audio speech = new AudioDecoder(new Ffmpeg("none"), AudioLimits.DEFAULTS).decode(TestAudio.read(TestAudio.firstClip()), null);

        Audio back = Resampler.resample(Resampler.resample(speech, 44_100), speech.sampleRate());

        assertThat(back.samples()).hasSize(speech.samples().length);
        // speech at 16 kHz has little above 7.6 kHz, the only band the round trip loses
        assertThat(TestAudio.correlation(back.samples(), speech.samples())).isGreaterThan(0.999);
    }

    @Test
    void printsTheSpeedOfTenMinutesAt48kHz() {
        Audio tenMinutes = new Audio(sine(440, 0.5, 48_000, 600), 48_000);
        Audio oneMinute = new Audio(Arrays.copyOf(tenMinutes.samples(), 48_000 * 60), 48_000);
        for (int i = 0; i < 3; i++) Resampler.resample(oneMinute, 16_000); // let the JIT compile the inner loops

        for (int to : new int[] {16_000, 44_100}) {
            long start = System.nanoTime();
            Audio out = Resampler.resample(tenMinutes, to);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "resampling 10 min 48000 -> %d Hz: %.3f s (%.0fx real time), %d samples%n",
                    to, seconds, 600 / seconds, out.samples().length);
        }
    }

    private static double decibels(double ratio) {
        return 20 * Math.log10(ratio);
    }

    /** The least-squares sinusoid at a known frequency over [from, to), and the RMS of what it leaves. */
    private record Fit(double amplitude, double residualRms) {
        static Fit at(double hertz, Audio audio, int from, int to) {
            float[] x = audio.samples();
            double w = 2 * Math.PI * hertz / audio.sampleRate();
            double ss = 0, sc = 0, cc = 0, xs = 0, xc = 0;
            for (int i = from; i < to; i++) {
                double s = Math.sin(w * i), c = Math.cos(w * i);
                ss += s * s;
                sc += s * c;
                cc += c * c;
                xs += x[i] * s;
                xc += x[i] * c;
            }
            double det = ss * cc - sc * sc;
            double a = (xs * cc - xc * sc) / det, b = (xc * ss - xs * sc) / det;
            double residual = 0;
            for (int i = from; i < to; i++) {
                double r = x[i] - a * Math.sin(w * i) - b * Math.cos(w * i);
                residual += r * r;
            }
            return new Fit(Math.hypot(a, b), Math.sqrt(residual / (to - from)));
        }
    }
}
