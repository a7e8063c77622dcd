package io.gureum.speech.audio;

import io.gureum.core.Problem;
import io.gureum.speech.audio.TestWav.Encoded;
import io.gureum.speech.audio.TestWav.Encoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static io.gureum.speech.audio.TestAudio.assertProblem;
import static io.gureum.speech.audio.TestAudio.sine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** WAV decoding in Java: no ffmpeg here (it is configured absent), except where a test says it converts with it. */
class AudioDecoderWavTest {
    private final AudioDecoder decoder = new AudioDecoder(new Ffmpeg("none"), AudioLimits.DEFAULTS);

    // ---- every sample encoding -----------------------------------------------------------------

    static Stream<Arguments> encodings() {
        return Stream.of(Encoding.values()).flatMap(e -> Stream.of(
                Arguments.of(e, 1, 16_000, false), Arguments.of(e, 2, 44_100, false),
                Arguments.of(e, 1, 8_000, true), Arguments.of(e, 2, 96_000, true)));
    }

    @ParameterizedTest(name = "{0}, {1} channel(s), {2} Hz, extensible {3}")
    @MethodSource("encodings")
    void decodesEverySampleEncodingToTheStoredValues(Encoding encoding, int channels, int rate, boolean extensible) {
        float[] left = sine(440, 0.8, rate, 0.25);
        float[] right = sine(1_000, -0.5, rate, 0.25);
        Encoded encoded = TestWav.encode(encoding, channels == 1 ? new float[][] {left} : new float[][] {left, right});
        TestWav wav = new TestWav().format(encoding, channels, rate).data(encoded.bytes());
        if (extensible) wav.extensible(encoding.bits);

        Audio audio = decoder.decode(wav.build(), "audio/wav");

        assertThat(audio.sampleRate()).isEqualTo(rate);
        assertThat(audio.samples()).hasSize(left.length);
        double tolerance = 1e-7; // float rounding of the channel average; still below a 24-bit step (1.19e-7)
        for (int i = 0; i < left.length; i++) {
            assertThat((double) audio.samples()[i]).as("sample %d", i).isCloseTo(encoded.expectedMono()[i], within(tolerance));
        }
    }

    @Test
    void decodes20BitSamplesLeftJustifiedIn3Bytes() {
        float[] x = sine(300, 0.9, 48_000, 0.1);
        Encoded encoded = TestWav.encode(Encoding.S24, new float[][] {x});
        byte[] wav = new TestWav().format(1, 24, 3, 1, 48_000).extensible(20).data(encoded.bytes()).build();

        float[] decoded = decoder.decode(wav, null).samples();

        for (int i = 0; i < x.length; i++) assertThat(decoded[i]).isCloseTo(x[i], within(1e-6f));
    }

    @Test
    void readsA24BitSampleInA4ByteContainer() {
        float[] x = sine(300, 0.9, 16_000, 0.1);
        Encoded encoded = TestWav.encode(Encoding.S32, new float[][] {x});
        byte[] wav = new TestWav().format(1, 24, 4, 1, 16_000).data(encoded.bytes()).build();

        assertThat(decoder.decode(wav, null).samples()[100]).isCloseTo(x[100], within(1e-6f));
    }

    @Test
    void averagesChannelsIntoMono() {
        int rate = 16_000;
        float[] a = sine(500, 0.6, rate, 0.1);
        float[] opposite = new float[a.length];
        for (int i = 0; i < a.length; i++) opposite[i] = -a[i];
        float[] constant = new float[a.length];
        Arrays.fill(constant, 0.3f);
        float[][] sixChannels = {a, opposite, constant, constant, constant, constant};
        byte[] wav = new TestWav().format(Encoding.F32, 6, rate).data(TestWav.encode(Encoding.F32, sixChannels).bytes()).build();

        float[] mono = decoder.decode(wav, null).samples();

        // a and -a cancel; four channels of 0.3 over six average to 0.2
        for (float v : mono) assertThat(v).isCloseTo(0.2f, within(1e-6f));
    }

    @Test
    void clampsFloatOversAndNaN() {
        byte[] data = TestWav.encode(Encoding.F32, new float[][] {{1.5f, -3f, Float.NaN, 0.25f}}).bytes();
        byte[] wav = new TestWav().format(Encoding.F32, 1, 16_000).data(data).build();

        assertThat(decoder.decode(wav, null).samples()).containsExactly(1f, -1f, 0f, 0.25f);
    }

    @Test
    void expandsALawAndMuLawCodes() {
        // G.711 reference points: A-law 0xD5 = +8, 0x55 = -8, 0xAA = +32256; µ-law 0xFF = 0, 0x80 = +32124, 0x00 = -32124
        byte[] aLaw = new TestWav().format(WavFile.ALAW, 8, 1, 1, 8_000).data(new byte[] {(byte) 0xD5, 0x55, (byte) 0xAA}).build();
        byte[] muLaw = new TestWav().format(WavFile.MULAW, 8, 1, 1, 8_000).data(new byte[] {(byte) 0xFF, (byte) 0x80, 0x00}).build();

        assertThat(decoder.decode(aLaw, null).samples()).containsExactly(8 / 32768f, -8 / 32768f, 32256 / 32768f);
        assertThat(decoder.decode(muLaw, null).samples()).containsExactly(0f, 32124 / 32768f, -32124 / 32768f);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pcm_alaw", "pcm_mulaw"})
    void decodesG711RecordingsMadeByFfmpeg(String codec, @TempDir Path dir) {
        Path clip = TestAudio.firstClip();
        byte[] companded = TestAudio.read(TestAudio.ffmpegConvert(clip, dir, "clip.wav", "-c:a", codec));
        float[] reference = decoder.decode(TestAudio.read(clip), null).samples();

        float[] decoded = decoder.decode(companded, null).samples();

        assertThat(decoded).hasSameSizeAs(reference);
        assertThat(TestAudio.correlation(decoded, reference)).isGreaterThan(0.999);
    }

    // ---- chunk layout ------------------------------------------------------------------------------

    @Test
    void skipsOtherChunksAndTheirPadBytes() {
        float[] x = sine(440, 0.5, 16_000, 0.05);
        Encoded encoded = TestWav.encode(Encoding.S16, new float[][] {x});
        byte[] wav = new TestWav().format(Encoding.S16, 1, 16_000).data(encoded.bytes())
                .chunkBeforeFmt("JUNK", new byte[27])                               // odd size: padded
                .chunkBeforeData("LIST", TestWav.ascii("INFOISFT\u0005\0\0\0Lavf5")) // odd size again
                .chunkBeforeData("fact", new byte[] {1, 2, 3, 4})
                .chunkAfterData("id3 ", new byte[13])
                .build();

        float[] decoded = decoder.decode(wav, null).samples();

        assertThat(decoded).hasSize(x.length);
        assertThat((double) decoded[7]).isCloseTo(encoded.expectedMono()[7], within(1e-9));
    }

    @Test
    void ignoresGarbageAfterTheData() {
        byte[] data = TestWav.encode(Encoding.S16, new float[][] {sine(440, 0.5, 16_000, 0.05)}).bytes();
        byte[] wav = new TestWav().format(Encoding.S16, 1, 16_000).data(data).build();
        byte[] withTrailer = Arrays.copyOf(wav, wav.length + 5);
        withTrailer[wav.length] = (byte) 0x81;

        assertThat(decoder.decode(withTrailer, null).samples()).hasSize(data.length / 2);
    }

    @ParameterizedTest(name = "data size 0x{0}")
    @ValueSource(longs = {0L, 0xFFFFFFFFL, 0x7FFFF000L, 0x7FFFFFFFL})
    void readsAStreamedDataChunkToTheEnd(long placeholderSize) {
        byte[] data = TestWav.encode(Encoding.S16, new float[][] {sine(440, 0.5, 16_000, 0.5)}).bytes();
        byte[] wav = new TestWav().format(Encoding.S16, 1, 16_000).data(data).declaredDataSize(placeholderSize).build();

        assertThat(decoder.decode(wav, null).samples()).hasSize(data.length / 2);
    }

    @Test
    void readsRf64() {
        float[] x = sine(440, 0.5, 16_000, 0.2);
        byte[] data = TestWav.encode(Encoding.S16, new float[][] {x}).bytes();
        byte[] wav = new TestWav().format(Encoding.S16, 1, 16_000).data(data).rf64().chunkAfterData("LIST", new byte[10]).build();

        assertThat(AudioFormat.sniff(wav)).contains(AudioFormat.WAV);
        assertThat(decoder.decode(wav, null).samples()).hasSize(x.length); // the ds64 size: not the LIST after the data
    }

    @Test
    void readsRf64WrittenByFfmpeg(@TempDir Path dir) {
        Path clip = TestAudio.firstClip();
        byte[] rf64 = TestAudio.read(TestAudio.ffmpegConvert(clip, dir, "clip.wav", "-rf64", "always"));
        assertThat(new String(rf64, 0, 4)).isEqualTo("RF64");

        assertThat(decoder.decode(rf64, null).samples()).isEqualTo(decoder.decode(TestAudio.read(clip), null).samples());
    }

    @Test
    void readsEspeakOutputWhoseDataSizeIsAPlaceholder() throws Exception {
        assumeTrue(TestAudio.onPath("espeak-ng"), "espeak-ng is not installed (sudo apt-get install -y espeak-ng)");
        Process espeak = new ProcessBuilder("espeak-ng", "--stdout", "Hello from the cloud").start();
        byte[] wav = espeak.getInputStream().readAllBytes();
        assertThat(espeak.waitFor()).isZero();

        Audio audio = decoder.decode(wav, "application/octet-stream");

        assertThat(audio.sampleRate()).isEqualTo(22_050);
        assertThat(audio.samples().length).isEqualTo((wav.length - 44) / 2);
        assertThat(audio.seconds()).isBetween(0.5, 5.0);
        assertThat(TestAudio.rms(audio.samples(), 0, audio.samples().length)).isGreaterThan(0.01);
    }

    // ---- real recordings -----------------------------------------------------------------------------

    static List<Path> clips() {
        return TestAudio.librivoxClips();
    }

    @ParameterizedTest
    @MethodSource("clips")
    void decodesRealRecordingsLikeJavaSound(Path clip) throws Exception {
        Audio audio = decoder.decode(TestAudio.read(clip), "audio/x-wav");

        float[] reference;
        try (AudioInputStream in = AudioSystem.getAudioInputStream(clip.toFile())) {
            assertThat(audio.sampleRate()).isEqualTo((int) in.getFormat().getSampleRate());
            assertThat((long) audio.samples().length).isEqualTo(in.getFrameLength());
            byte[] pcm = in.readAllBytes();
            reference = new float[pcm.length / 2];
            for (int i = 0; i < reference.length; i++) reference[i] = (short) ((pcm[2 * i] & 0xFF) | pcm[2 * i + 1] << 8) / 32768f;
        }
        assertThat(audio.samples()).containsExactly(reference);
        assertThat(audio.seconds()).isGreaterThan(2.0);
    }

    @Test
    void decodesStereo44kMadeByFfmpegFromARealRecording(@TempDir Path dir) {
        Path clip = TestAudio.firstClip();
        byte[] stereo = TestAudio.read(TestAudio.ffmpegConvert(clip, dir, "stereo.wav", "-ac", "2", "-ar", "44100", "-c:a", "pcm_s24le"));
        Audio original = decoder.decode(TestAudio.read(clip), null);

        Audio audio = decoder.decode(stereo, null);

        assertThat(audio.sampleRate()).isEqualTo(44_100);
        assertThat(audio.seconds()).isCloseTo(original.seconds(), within(0.01));
        Audio back = Resampler.resample(audio, 16_000);
        assertThat(TestAudio.bestCorrelation(back.samples(), original.samples(), 3)).isGreaterThan(0.99);
    }

    // ---- what is wrong, said clearly --------------------------------------------------------------------

    @Test
    void refusesATruncatedWavSayingWhatIsMissing() {
        byte[] whole = TestAudio.read(TestAudio.firstClip());
        byte[] half = Arrays.copyOf(whole, whole.length / 2);

        Problem problem = assertProblem(() -> decoder.decode(half, "audio/wav"), 400, AudioProblems.INVALID_AUDIO);

        assertThat(problem.detail()).contains("truncated WAV").contains("declares " + (whole.length - 44) + " bytes")
                .contains("cut off");
    }

    @Test
    void refusesAWavWithoutSamples() {
        byte[] empty = new TestWav().format(Encoding.S16, 1, 16_000).build();

        Problem problem = assertProblem(() -> decoder.decode(empty, null), 400, AudioProblems.INVALID_AUDIO);
        assertThat(problem.detail()).contains("no audio samples");
    }

    @Test
    void refusesARiffHeaderFollowedByGarbage() {
        byte[] garbage = new byte[2000];
        new Random(7).nextBytes(garbage);
        System.arraycopy(TestWav.ascii("RIFF\u00c8\u0007\0\0WAVE"), 0, garbage, 0, 12);

        assertProblem(() -> decoder.decode(garbage, null), 400, AudioProblems.INVALID_AUDIO);
    }

    @Test
    void refusesAWavWithoutFmtOrWithImpossibleFields() {
        byte[] data = new byte[100];
        byte[] noFmt = Arrays.copyOf(TestWav.ascii("RIFF\0\0\0\0WAVE"), 12 + 108);
        System.arraycopy(TestWav.chunk("data", data), 0, noFmt, 12, 108);
        assertThat(assertProblem(() -> decoder.decode(noFmt, null), 400, AudioProblems.INVALID_AUDIO).detail()).contains("'fmt '");

        byte[] noChannels = new TestWav().format(1, 16, 2, 0, 16_000).blockAlign(2).data(data).build();
        assertThat(assertProblem(() -> decoder.decode(noChannels, null), 400, AudioProblems.INVALID_AUDIO).detail()).contains("0 channels");

        byte[] noRate = new TestWav().format(1, 16, 2, 1, 0).data(data).build();
        assertThat(assertProblem(() -> decoder.decode(noRate, null), 400, AudioProblems.INVALID_AUDIO).detail()).contains("sample rate");
    }

    @Test
    void refusesRandomBytesListingTheAcceptedFormats() {
        byte[] noise = new byte[4096];
        new Random(1).nextBytes(noise);
        noise[0] = 0x12; // not a frame-sync byte, whatever the seed gives

        Problem problem = assertProblem(() -> decoder.decode(noise, "application/octet-stream"), 415, AudioProblems.UNSUPPORTED_AUDIO_FORMAT);

        assertThat(problem.detail()).contains("WAV").contains("FLAC").contains("MP3");
        assertThat(problem.extensions().get("acceptedFormats")).asList().contains("audio/wav", "audio/flac", "audio/mpeg");
    }

    @Test
    void refusesAnImageNamingIt() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "png", png);

        Problem problem = assertProblem(() -> decoder.decode(png.toByteArray(), "audio/wav"), 415, AudioProblems.UNSUPPORTED_AUDIO_FORMAT);

        assertThat(problem.detail()).contains("PNG image");
    }

    @Test
    void refusesAnEmptyBody() {
        assertProblem(() -> decoder.decode(new byte[0], "audio/wav"), 400, AudioProblems.EMPTY_BODY);
        assertProblem(() -> decoder.decode(null, null), 400, AudioProblems.EMPTY_BODY);
    }

    @Test
    void refusesTooManyBytesBeforeDecoding() {
        AudioDecoder small = new AudioDecoder(new Ffmpeg("none"), new AudioLimits(1_000, 3600));
        byte[] wav = new TestWav().format(Encoding.S16, 1, 16_000).data(new byte[2_000]).build();

        Problem problem = assertProblem(() -> small.decode(wav, null), 413, "payload_too_large");
        assertThat(problem.extensions()).containsEntry("maxBytes", 1_000L);
    }

    @Test
    void refusesAudioLongerThanTheLimit() {
        AudioDecoder upToFiveSeconds = new AudioDecoder(new Ffmpeg("none"), new AudioLimits(100_000_000, 5));
        byte[] tenSeconds = new TestWav().format(Encoding.U8, 1, 8_000).data(new byte[80_000]).build();

        Problem problem = assertProblem(() -> upToFiveSeconds.decode(tenSeconds, null), 413, AudioProblems.AUDIO_TOO_LONG);

        assertThat(problem.detail()).contains("10.0 s").contains("5.0 s");
        assertThat(problem.extensions()).containsEntry("seconds", 10.0).containsEntry("maxSeconds", 5.0);
    }

    @Test
    void needsFfmpegForAdpcmInWav() {
        byte[] adpcm = new TestWav().format(0x11, 4, 256, 1, 8_000).data(new byte[512]).build(); // IMA ADPCM blocks

        Problem problem = assertProblem(() -> decoder.decode(adpcm, null), 415, AudioProblems.UNSUPPORTED_AUDIO_FORMAT);

        assertThat(problem.detail()).contains("IMA ADPCM").contains(Ffmpeg.INSTALL_COMMAND);
        assertThat(problem.extensions()).containsEntry("installCommand", Ffmpeg.INSTALL_COMMAND);
    }

    @Test
    void decodesAdpcmInWavThroughFfmpeg(@TempDir Path dir) {
        Path clip = TestAudio.firstClip();
        byte[] adpcm = TestAudio.read(TestAudio.ffmpegConvert(clip, dir, "clip.wav", "-c:a", "adpcm_ima_wav"));
        float[] reference = decoder.decode(TestAudio.read(clip), null).samples();

        Audio audio = new AudioDecoder(TestAudio.ffmpegOrSkip(), AudioLimits.DEFAULTS).decode(adpcm, null);

        assertThat(audio.sampleRate()).isEqualTo(Audio.SPEECH_RATE);
        assertThat(audio.seconds()).isCloseTo(reference.length / 16_000.0, within(0.1));
        assertThat(TestAudio.correlation(audio.samples(), reference)).isGreaterThan(0.95);
    }

    // ---- memory -------------------------------------------------------------------------------------------

    @Test
    void decodesWithoutMuchMoreMemoryThanTheResult() {
        int rate = 48_000;
        float[] x = sine(440, 0.5, rate, 30);
        byte[] wav = new TestWav().format(Encoding.S16, 2, rate).data(TestWav.encode(Encoding.S16, new float[][] {x, x}).bytes()).build();
        decoder.decode(wav, null); // warm up: class loading and JIT allocate too

        long before = allocatedBytes();
        Audio audio = decoder.decode(wav, null);
        long allocated = allocatedBytes() - before;

        long output = 4L * audio.samples().length;
        assertThat(allocated).as("bytes allocated to decode %d bytes into %d", wav.length, output).isLessThan(2 * output);
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
