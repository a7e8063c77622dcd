package io.gureum.speech.audio;

import io.gureum.core.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import static io.gureum.speech.audio.TestAudio.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** FLAC, MP3, Ogg, M4A, AAC and WebM copies of a real recording, made and decoded by ffmpeg. */
class AudioDecoderCompressedTest {
    @TempDir
    Path dir;

    /** The recording as WAV (16 kHz, the rate ffmpeg decodes to here); skips the test when the shared data is absent. */
    private static Path clip() {
        return TestAudio.firstClip();
    }

    /** The WAV's samples, decoded in Java: what every compressed copy is compared with. */
    private static float[] reference() {
        Audio original = new AudioDecoder(new Ffmpeg("none"), AudioLimits.DEFAULTS).decode(TestAudio.read(clip()), null);
        assertThat(original.sampleRate()).isEqualTo(Audio.SPEECH_RATE);
        return original.samples();
    }

    /** Format, file name, ffmpeg output options, lowest waveform correlation with the WAV. */
    static Stream<Arguments> encodings() {
        return Stream.of(
                Arguments.of(AudioFormat.FLAC, "clip.flac", new String[] {}, 0.99999),  // lossless
                Arguments.of(AudioFormat.MP3, "clip.mp3", new String[] {"-b:a", "64k"}, 0.98),
                Arguments.of(AudioFormat.MP3, "noid3.mp3", new String[] {"-b:a", "64k", "-id3v2_version", "0", "-write_xing", "0"}, 0.98),
                Arguments.of(AudioFormat.OGG, "opus.ogg", new String[] {"-c:a", "libopus", "-b:a", "32k"}, 0.98),
                Arguments.of(AudioFormat.OGG, "vorbis.ogg", new String[] {"-c:a", "libvorbis"}, 0.98),
                Arguments.of(AudioFormat.MP4, "clip.m4a", new String[] {"-c:a", "aac", "-b:a", "64k"}, 0.98),
                Arguments.of(AudioFormat.AAC, "clip.aac", new String[] {"-c:a", "aac", "-b:a", "64k"}, 0.98),
                Arguments.of(AudioFormat.WEBM, "clip.webm", new String[] {"-c:a", "libopus", "-b:a", "32k"}, 0.98));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("encodings")
    void decodesACompressedCopyOfARealRecording(AudioFormat format, String name, String[] options, double minCorrelation) {
        float[] reference = reference();
        byte[] bytes = TestAudio.read(TestAudio.ffmpegConvert(clip(), dir, name, options));
        assertThat(AudioFormat.sniff(bytes)).contains(format);

        Audio audio = new AudioDecoder(TestAudio.ffmpegOrSkip(), AudioLimits.DEFAULTS).decode(bytes, null);

        double correlation = TestAudio.bestCorrelation(audio.samples(), reference, 1200);
        System.out.printf(Locale.ROOT, "%s: %.3f s, correlation with the WAV %.5f%n", name, audio.seconds(), correlation);
        assertThat(audio.sampleRate()).isEqualTo(Audio.SPEECH_RATE);
        // MP3 without a LAME header and raw ADTS have no gapless info: encoder delay and padding stay (under 0.1 s)
        assertThat(audio.seconds()).isCloseTo(reference.length / 16_000.0, within(0.12));
        assertThat(correlation).isGreaterThan(minCorrelation);
    }

    @Test
    void flacDecodesToTheSameSamplesAsTheWav() {
        byte[] flac = TestAudio.read(TestAudio.ffmpegConvert(clip(), dir, "exact.flac"));

        float[] decoded = new AudioDecoder(TestAudio.ffmpegOrSkip(), AudioLimits.DEFAULTS).decode(flac, "audio/flac").samples();

        assertThat(decoded).containsExactly(reference());
    }

    @Test
    void letsFfmpegProbeWhatTheClientDeclaredWhenTheBytesHaveNoSignature() {
        byte[] mp3 = TestAudio.read(TestAudio.ffmpegConvert(clip(), dir, "declared.mp3", "-id3v2_version", "0", "-write_xing", "0"));
        byte[] afterJunk = new byte[mp3.length + 3];
        System.arraycopy(mp3, 0, afterJunk, 3, mp3.length); // three zero bytes hide the frame sync from the sniffer
        AudioDecoder decoder = new AudioDecoder(TestAudio.ffmpegOrSkip(), AudioLimits.DEFAULTS);
        assertThat(AudioFormat.sniff(afterJunk)).isEmpty();

        assertThat(decoder.decode(afterJunk, "audio/mpeg").seconds()).isCloseTo(reference().length / 16_000.0, within(0.1));
        assertProblem(() -> decoder.decode(afterJunk, "application/octet-stream"), 415, AudioProblems.UNSUPPORTED_AUDIO_FORMAT);
    }

    @Test
    void refusesCorruptFlacWithFfmpegsReason() {
        byte[] corrupt = new byte[4096];
        new Random(3).nextBytes(corrupt);
        System.arraycopy("fLaC".getBytes(StandardCharsets.US_ASCII), 0, corrupt, 0, 4);

        AudioDecoder decoder = new AudioDecoder(TestAudio.ffmpegOrSkip(), AudioLimits.DEFAULTS);

        Problem problem = assertProblem(() -> decoder.decode(corrupt, null), 400, AudioProblems.INVALID_AUDIO);

        System.out.println("corrupt FLAC: " + problem.detail());
        assertThat(problem.detail()).contains("ffmpeg could not decode it (").doesNotContain("no message from ffmpeg");
    }

    @Test
    void refusesAudioPastTheLimitWhileFfmpegDecodes() {
        byte[] flac = TestAudio.read(TestAudio.ffmpegConvert(clip(), dir, "long.flac"));
        AudioDecoder upToTwoSeconds = new AudioDecoder(TestAudio.ffmpegOrSkip(), new AudioLimits(100_000_000, 2));

        Problem problem = assertProblem(() -> upToTwoSeconds.decode(flac, null), 413, AudioProblems.AUDIO_TOO_LONG);

        assertThat(problem.detail()).contains("more than 2.0 s");
    }

    @ParameterizedTest
    @EnumSource(value = AudioFormat.class, names = "WAV", mode = EnumSource.Mode.EXCLUDE)
    void saysHowToInstallFfmpegWhenItIsAbsent(AudioFormat format) {
        AudioDecoder withoutFfmpeg = new AudioDecoder(new Ffmpeg("none"), AudioLimits.DEFAULTS);
        byte[] bytes = leadingBytesOf(format); // only the signature matters to the refusal

        Problem problem = assertProblem(() -> withoutFfmpeg.decode(bytes, null), 415, AudioProblems.UNSUPPORTED_AUDIO_FORMAT);

        assertThat(problem.detail()).contains(format.displayName()).contains("ffmpeg is not installed")
                .contains("sudo apt-get install -y ffmpeg");
        assertThat(problem.extensions()).containsEntry("installCommand", "sudo apt-get install -y ffmpeg");
    }

    private static byte[] leadingBytesOf(AudioFormat format) {
        byte[] header = switch (format) {
            case FLAC -> "fLaC\0\0\0\"".getBytes(StandardCharsets.ISO_8859_1);
            case MP3 -> "ID3\u0004\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
            case OGG -> "OggS\0\u0002".getBytes(StandardCharsets.ISO_8859_1);
            case MP4 -> "\0\0\0 ftypM4A \0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
            case AAC -> new byte[] {(byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80, 0x02, 0x1F, (byte) 0xFC};
            case WEBM -> new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x86};
            case WAV -> throw new IllegalArgumentException();
        };
        return Arrays.copyOf(header, 1024);
    }
}
