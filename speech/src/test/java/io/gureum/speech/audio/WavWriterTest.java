package io.gureum.speech.audio;

import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioFormat.Encoding;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WavWriterTest {
    private final AudioDecoder decoder = new AudioDecoder(new Ffmpeg("none"), AudioLimits.DEFAULTS);

    @Test
    void writesTheCanonicalHeader() {
        ByteBuffer h = ByteBuffer.wrap(WavWriter.header(22_050, 2, 1_000)).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(h.capacity()).isEqualTo(WavWriter.HEADER_BYTES);
        assertThat(ascii(h, 0)).isEqualTo("RIFF");
        assertThat(h.getInt(4)).isEqualTo(1_036);
        assertThat(ascii(h, 8)).isEqualTo("WAVE");
        assertThat(ascii(h, 12)).isEqualTo("fmt ");
        assertThat(h.getInt(16)).isEqualTo(16);
        assertThat(h.getShort(20)).isEqualTo((short) 1);     // PCM
        assertThat(h.getShort(22)).isEqualTo((short) 2);     // channels
        assertThat(h.getInt(24)).isEqualTo(22_050);
        assertThat(h.getInt(28)).isEqualTo(22_050 * 4);      // bytes per second
        assertThat(h.getShort(32)).isEqualTo((short) 4);     // bytes per frame
        assertThat(h.getShort(34)).isEqualTo((short) 16);
        assertThat(ascii(h, 36)).isEqualTo("data");
        assertThat(h.getInt(40)).isEqualTo(1_000);
    }

    @Test
    void writesFilesJavaSoundReads() throws Exception {
        short[] pcm = {0, 1, -1, 32767, -32768, 1234};

        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(WavWriter.wav(pcm, 16_000)))) {
            assertThat(in.getFormat().getEncoding()).isEqualTo(Encoding.PCM_SIGNED);
            assertThat(in.getFormat().getSampleRate()).isEqualTo(16_000f);
            assertThat(in.getFormat().getChannels()).isEqualTo(1);
            assertThat(in.getFrameLength()).isEqualTo(pcm.length);
        }
    }

    @Test
    void roundTripsSamplesThroughTheDecoder() {
        short[] pcm = {0, 1, -1, 32767, -32768, 1234};

        float[] fromShorts = decoder.decode(WavWriter.wav(pcm, 16_000), "audio/wav").samples();

        assertThat(fromShorts).containsExactly(0f, 1 / 32768f, -1 / 32768f, 32767 / 32768f, -1f, 1234 / 32768f);
        Audio again = decoder.decode(WavWriter.wav(new Audio(fromShorts, 8_000)), null);
        assertThat(again.sampleRate()).isEqualTo(8_000);
        // Audio.pcm16() scales by 32767, decoding divides by 32768: within a step or so, not bit-exact
        assertThat(again.samples()).containsExactly(fromShorts, within(1.5f / 32768));
    }

    @Test
    void aStreamingHeaderIsReadToTheEndOfTheFile() {
        float[] speechLike = TestAudio.sine(300, 0.4, 16_000, 1.5);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(WavWriter.streamingHeader(16_000, 1));
        byte[] pcm = new Audio(speechLike, 16_000).pcm16();
        for (int off = 0; off < pcm.length; off += 1_000) stream.write(pcm, off, Math.min(1_000, pcm.length - off));

        byte[] wav = stream.toByteArray();

        ByteBuffer h = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(h.getInt(4)).isEqualTo(0xFFFFFFFF);
        assertThat(h.getInt(40)).isEqualTo(0xFFFFFFFF);
        Audio audio = decoder.decode(wav, null);
        assertThat(audio.samples()).hasSize(speechLike.length);
        assertThat(audio.samples()[100]).isEqualTo(Math.round(speechLike[100] * 32767f) / 32768f);
    }

    @Test
    void refusesSizesAWavCannotHold() {
        assertThatThrownBy(() -> WavWriter.header(16_000, 1, 0x1_0000_0000L)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("streamingHeader");
        assertThatThrownBy(() -> WavWriter.header(0, 1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String ascii(ByteBuffer b, int offset) {
        return new String(b.array(), offset, 4, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
