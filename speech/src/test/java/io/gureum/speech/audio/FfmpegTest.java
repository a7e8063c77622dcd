package io.gureum.speech.audio;

import io.gureum.core.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.gureum.speech.audio.TestAudio.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FfmpegTest {

    // ---- where it is --------------------------------------------------------------------------------

    @Test
    void noneBehavesAsIfAbsent() {
        Ffmpeg none = new Ffmpeg("none");

        assertThat(none.available()).isFalse();
        assertThat(none.executable()).isEmpty();
        Problem decoding = assertProblem(() -> none.decode(new byte[100], 16_000), 415, AudioProblems.UNSUPPORTED_AUDIO_FORMAT);
        assertThat(decoding.extensions()).containsEntry("installCommand", Ffmpeg.INSTALL_COMMAND);
        Problem encoding = assertProblem(() -> none.encoder("mp3", 16_000, OutputStream.nullOutputStream()),
                415, AudioProblems.UNSUPPORTED_AUDIO_FORMAT);
        assertThat(encoding.detail()).contains("'mp3'").contains("ffmpeg is not installed").contains(Ffmpeg.INSTALL_COMMAND);
        assertThat(encoding.extensions()).containsEntry("installCommand", Ffmpeg.INSTALL_COMMAND);
    }

    @Test
    void aPathThatIsNotAnExecutableIsAbsent(@TempDir Path dir) throws IOException {
        Path notExecutable = Files.writeString(dir.resolve("ffmpeg"), "#!/bin/sh\n");

        assertThat(new Ffmpeg(dir.resolve("missing").toString()).available()).isFalse();
        assertThat(new Ffmpeg(notExecutable.toString()).available()).isFalse();
    }

    @Test
    void takesAnExplicitPath() {
        Path found = TestAudio.ffmpegOrSkip().executable().orElseThrow();

        assertThat(new Ffmpeg(found.toString()).executable()).contains(found);
    }

    @Test
    void refusesAnUnknownOutputFormatWithoutSuggestingAnInstall() {
        Problem problem = assertProblem(() -> new Ffmpeg(null).encoder("aiff", 16_000, OutputStream.nullOutputStream()),
                415, AudioProblems.UNSUPPORTED_AUDIO_FORMAT);

        assertThat(problem.detail()).contains("'aiff'").contains("ogg, mp3");
        assertThat(problem.extensions()).doesNotContainKey("installCommand");
    }

    // ---- decoding -------------------------------------------------------------------------------------

    @Test
    void decodesToTheRateAskedFor() {
        Ffmpeg ffmpeg = TestAudio.ffmpegOrSkip();
        byte[] wav = TestAudio.read(TestAudio.firstClip());
        Audio original = new AudioDecoder(new Ffmpeg("none"), AudioLimits.DEFAULTS).decode(wav, null);

        Audio at8k = ffmpeg.decode(wav, 8_000);

        assertThat(at8k.sampleRate()).isEqualTo(8_000);
        assertThat(at8k.seconds()).isCloseTo(original.seconds(), within(0.01));
        Audio back = Resampler.resample(at8k, 16_000);
        assertThat(TestAudio.bestCorrelation(back.samples(), original.samples(), 5)).isGreaterThan(0.9);
    }

    @Test
    void refusesBytesFfmpegCannotRead() {
        Ffmpeg ffmpeg = TestAudio.ffmpegOrSkip();

        Problem problem = assertProblem(() -> ffmpeg.decode("this is not audio at all".getBytes(), 16_000),
                400, AudioProblems.INVALID_AUDIO);

        assertThat(problem.detail()).contains("ffmpeg could not decode it").contains("Invalid data");
    }

    // ---- encoding ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} at {1} Hz")
    @CsvSource({"ogg, 16000, OGG", "ogg, 22050, OGG", "mp3, 16000, MP3", "mp3, 22050, MP3", "MP3, 44100, MP3"})
    void encodesSpeechThatDecodesBack(String format, int rate, AudioFormat expected) throws IOException {
        Ffmpeg ffmpeg = TestAudio.ffmpegOrSkip();
        Audio speech = Resampler.resample(new AudioDecoder(ffmpeg, AudioLimits.DEFAULTS).decode(TestAudio.read(TestAudio.firstClip()), null), rate);
        byte[] pcm = speech.pcm16();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();

        try (OutputStream encoder = ffmpeg.encoder(format, rate, sink)) {
            for (int off = 0; off < pcm.length; off += 4_000) encoder.write(pcm, off, Math.min(4_000, pcm.length - off));
        }

        byte[] encoded = sink.toByteArray();
        assertThat(AudioFormat.sniff(encoded)).contains(expected);
        assertThat(encoded.length).isLessThan(pcm.length / 4);
        Audio back = ffmpeg.decode(encoded, rate);
        assertThat(back.seconds()).isCloseTo(speech.seconds(), within(0.1));
        assertThat(TestAudio.bestCorrelation(back.samples(), speech.samples(), 2_000)).isGreaterThan(0.95);
    }

    @Test
    void streamsTheFirstBytesBeforeTheInputEnds() throws Exception {
        Ffmpeg ffmpeg = TestAudio.ffmpegOrSkip();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        byte[] threeSeconds = new Audio(TestAudio.sine(440, 0.5, 16_000, 3), 16_000).pcm16();

        try (OutputStream encoder = ffmpeg.encoder("mp3", 16_000, sink)) {
            encoder.write(threeSeconds);
            encoder.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (sizeOf(sink) == 0 && System.nanoTime() < deadline) Thread.sleep(20);

            assertThat(sizeOf(sink)).as("encoded bytes out while the input is still open").isPositive();
            encoder.write(threeSeconds);
        }
        assertThat(ffmpeg.decode(sink.toByteArray(), 16_000).seconds()).isCloseTo(6, within(0.1));
    }

    @Test
    void reportsASinkThatFails() {
        Ffmpeg ffmpeg = TestAudio.ffmpegOrSkip();
        OutputStream hungUp = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("listener went away");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("listener went away");
            }
        };
        byte[] tenSeconds = new Audio(TestAudio.sine(440, 0.5, 16_000, 10), 16_000).pcm16();

        assertThatThrownBy(() -> {
            try (OutputStream encoder = ffmpeg.encoder("ogg", 16_000, hungUp)) {
                for (int i = 0; i < 30; i++) encoder.write(tenSeconds);
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("listener went away");
    }

    private static int sizeOf(ByteArrayOutputStream sink) {
        synchronized (sink) {
            return sink.size();
        }
    }
}
