package io.gureum.bench;

import io.gureum.speech.audio.WavWriter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SpeechWavTest {
    @Test
    void streamedWavLengthComesFromTheByteCountNotTheHeader() {
        // Gureum's streaming header says 0xFFFFFFFF for the sizes
        byte[] header = WavWriter.streamingHeader(22_050, 1);
        SpeechWav.Format f = SpeechWav.parse(header, header.length);
        assertThat(f).isEqualTo(new SpeechWav.Format(22_050, 1, 16, 44));
        assertThat(f.seconds(44 + 2 * 22_050 * 3)).isCloseTo(3.0, within(1e-9));
        assertThat(f.seconds(10)).isZero();
    }

    @Test
    void chunksBeforeDataAreSkipped() {
        // espeak-ng --stdout writes the canonical header; other writers put LIST (and odd-sized) chunks before data
        ByteBuffer b = ByteBuffer.allocate(12 + 24 + 8 + 5 + 1 + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(0x7FFFF000).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 2).putInt(16_000).putInt(64_000).putShort((short) 4).putShort((short) 16);
        b.put(ascii("LIST")).putInt(5).put(new byte[5]).put((byte) 0);
        b.put(ascii("data")).putInt(0x7FFFF000);
        SpeechWav.Format f = SpeechWav.parse(b.array(), b.capacity());
        assertThat(f).isEqualTo(new SpeechWav.Format(16_000, 2, 16, b.capacity()));
        assertThat(f.seconds(b.capacity() + 64_000)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void notAWavIsRefused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
        assertThatThrownBy(() -> SpeechWav.parse(png, png.length)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readingAStreamCountsItsAudioEvenInDribs() throws IOException {
        byte[] wav = WavWriter.wav(new short[16_000], 16_000); // 1 s
        // a stream that hands out 10 bytes a read, as a slow socket might: the header arrives in pieces
        InputStream slow = new ByteArrayInputStream(wav) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 10));
            }
        };
        long start = System.nanoTime();
        SpeechWav.Timed t = SpeechWav.read(slow, start);
        assertThat(t.bytes()).isEqualTo(wav.length);
        assertThat(t.audioSeconds()).isCloseTo(1.0, within(1e-9));
        assertThat(t.firstAudioSeconds()).isPositive().isLessThanOrEqualTo(t.firstBytesSeconds());
        assertThat(t.firstBytesSeconds()).isLessThanOrEqualTo(t.totalSeconds());
    }

    @Test
    void aStreamShorterThanTheHeaderIsAnError() {
        assertThatThrownBy(() -> SpeechWav.read(new ByteArrayInputStream(new byte[]{'R', 'I', 'F', 'F'}), System.nanoTime()))
                .isInstanceOf(IOException.class).hasMessageContaining("before a whole WAV header");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
