package io.gureum.speech.audio;

import io.gureum.core.Problem;
import io.gureum.core.SharedData;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real recordings, generated signals, ffmpeg conversions and measurements for the audio tests. */
final class TestAudio {
    private TestAudio() {}

    /** The LibriVox read-speech clips pocketsphinx ships for its tests (16 kHz mono 16-bit); skips when absent. */
    static List<Path> librivoxClips() {
        Path dir = SharedData.resolve("speech/pocketsphinx_librivox");
        assumeTrue(Files.isDirectory(dir), "shared data speech/pocketsphinx_librivox is absent (see shared/data/README)");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> clips = files.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
            assumeTrue(!clips.isEmpty(), "no .wav files in " + dir);
            return clips;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path firstClip() {
        return librivoxClips().get(0);
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ffmpeg this machine has ({@code GUREUM_FFMPEG} or PATH); skips the test when there is none. */
    static Ffmpeg ffmpegOrSkip() {
        Ffmpeg ffmpeg = Ffmpeg.locate();
        assumeTrue(ffmpeg.available(), "ffmpeg is not installed (sudo apt-get install -y ffmpeg)");
        return ffmpeg;
    }

    /** Converts {@code source} with the ffmpeg CLI into {@code dir/name}, e.g. ("clip.flac") or ("clip.ogg", "-c:a", "libvorbis"). */
    static Path ffmpegConvert(Path source, Path dir, String name, String... outputOptions) {
        Ffmpeg ffmpeg = ffmpegOrSkip();
        Path target = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of(ffmpeg.executable().orElseThrow().toString(),
                "-nostdin", "-v", "error", "-y", "-i", source.toString()));
        command.addAll(List.of(outputOptions));
        command.add(target.toString());
        run(command);
        return target;
    }

    static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    static float[] sine(double hertz, double amplitude, int sampleRate, double seconds) {
        float[] x = new float[(int) Math.round(seconds * sampleRate)];
        for (int i = 0; i < x.length; i++) x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hertz * i / sampleRate));
        return x;
    }

    static double rms(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) sum += (double) x[i] * x[i];
        return Math.sqrt(sum / (to - from));
    }

    /** Pearson correlation of the first {@code min(a, b)} samples. */
    static double correlation(float[] a, float[] b) {
        return correlation(a, b, 0);
    }

    /** Correlation of a[i] with b[i + lag]. */
    static double correlation(float[] a, float[] b, int lag) {
        int from = Math.max(0, -lag);
        int to = Math.min(a.length, b.length - lag);
        double ma = 0, mb = 0;
        for (int i = from; i < to; i++) {
            ma += a[i];
            mb += b[i + lag];
        }
        ma /= to - from;
        mb /= to - from;
        double ab = 0, aa = 0, bb = 0;
        for (int i = from; i < to; i++) {
            double da = a[i] - ma, db = b[i + lag] - mb;
            ab += da * db;
            aa += da * da;
            bb += db * db;
        }
        return ab / Math.sqrt(aa * bb);
    }

    /**
     * The correlation at the best lag within ±maxLag samples (lossy codecs may shift the waveform by their encoder
     * delay). The lag is found on one second from the middle, which is plenty to align speech and keeps this quick.
     */
    static double bestCorrelation(float[] a, float[] b, int maxLag) {
        int window = Math.min(16_000, a.length / 2);
        int from = Math.max(maxLag, a.length / 2 - window / 2);
        float[] excerpt = Arrays.copyOfRange(a, from, from + window);
        int bestLag = 0;
        double best = -2;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            if (from + lag < 0 || from + lag + window > b.length) continue;
            double c = correlation(excerpt, Arrays.copyOfRange(b, from + lag, from + lag + window));
            if (c > best) {
                best = c;
                bestLag = lag;
            }
        }
        return correlation(a, b, bestLag);
    }

    static Problem assertProblem(ThrowingCallable call, int status, String code) {
        Problem problem = catchThrowableOfType(Problem.class, call);
        assertThat(problem).as("expected a Problem with code " + code).isNotNull();
        assertThat(problem.code()).isEqualTo(code);
        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.detail()).isNotBlank();
        return problem;
    }
}
