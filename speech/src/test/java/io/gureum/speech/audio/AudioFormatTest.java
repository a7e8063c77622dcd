package io.gureum.speech.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class AudioFormatTest {

    @Test
    void sniffsEachSignature() {
        assertThat(AudioFormat.sniff(bytes("RIFF\0\0\0\0WAVEfmt "))).contains(AudioFormat.WAV);
        assertThat(AudioFormat.sniff(bytes("RF64\u00ff\u00ff\u00ff\u00ffWAVEds64"))).contains(AudioFormat.WAV);
        assertThat(AudioFormat.sniff(bytes("BW64\u00ff\u00ff\u00ff\u00ffWAVEds64"))).contains(AudioFormat.WAV);
        assertThat(AudioFormat.sniff(bytes("fLaC\0\0\0\""))).contains(AudioFormat.FLAC);
        assertThat(AudioFormat.sniff(bytes("ID3\u0004\0\0\0\0\0\0"))).contains(AudioFormat.MP3);
        assertThat(AudioFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64})).contains(AudioFormat.MP3); // MPEG-1 layer III
        assertThat(AudioFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xF3, 0x64, (byte) 0xC4})).contains(AudioFormat.MP3); // MPEG-2 layer III
        assertThat(AudioFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80, 0x02, 0x1F, (byte) 0xFC})).contains(AudioFormat.AAC);
        assertThat(AudioFormat.sniff(bytes("OggS\0\u0002"))).contains(AudioFormat.OGG);
        assertThat(AudioFormat.sniff(bytes("\0\0\0\u0020ftypM4A \0\0\0\0"))).contains(AudioFormat.MP4);
        assertThat(AudioFormat.sniff(bytes("\0\0\0\u0018ftypisom\0\0\0\0"))).contains(AudioFormat.MP4);
        assertThat(AudioFormat.sniff(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3})).contains(AudioFormat.WEBM);
    }

    @Test
    void sniffsNothingInOtherBytes() {
        assertThat(AudioFormat.sniff(new byte[0])).isEmpty();
        assertThat(AudioFormat.sniff(bytes("RIFF\0\0\0\0WEBPVP8 "))).isEmpty();
        assertThat(AudioFormat.sniff(bytes("\0\0\0\u0018ftypavif\0\0\0\0"))).isEmpty();
        assertThat(AudioFormat.sniff(bytes("{\"audio\": \"...\"}"))).isEmpty();
        assertThat(AudioFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF})).isEmpty(); // reserved codes
    }

    @Test
    void rarelyMistakesRandomBytesForAFrameHeader() {
        Random random = new Random(42);
        byte[] b = new byte[16];
        int hits = 0;
        for (int i = 0; i < 100_000; i++) {
            random.nextBytes(b);
            if (AudioFormat.sniff(b).isPresent()) hits++;
        }
        // about 1 in 4000 start with a plausible MPEG or ADTS frame header; those reach ffmpeg, which refuses them (400)
        assertThat(hits).isLessThan(50);
    }

    @Test
    void namesOtherFormatsItDoesNotAccept() {
        assertThat(AudioFormat.recogniseUnsupported(bytes("RIFF\0\0\0\0AVI LIST"))).contains("a RIFF file of type 'AVI' (not WAVE)");
        assertThat(AudioFormat.recogniseUnsupported(bytes("FORM\0\0\0\0AIFFCOMM"))).contains("AIFF audio");
        assertThat(AudioFormat.recogniseUnsupported(bytes("\u0089PNG\r\n\u001a\n"))).contains("a PNG image");
        assertThat(AudioFormat.recogniseUnsupported(bytes("%PDF-1.7"))).contains("a PDF document");
        assertThat(AudioFormat.recogniseUnsupported(bytes("\0\0\0\u0018ftypheic\0\0\0\0"))).contains("a HEIF/AVIF image");
    }

    @ParameterizedTest
    @CsvSource({"audio/wav, WAV", "audio/x-wav, WAV", "AUDIO/WAVE; codecs=1, WAV", "audio/flac, FLAC", "audio/mp3, MP3",
            "audio/mpeg, MP3", "audio/ogg; codecs=opus, OGG", "audio/opus, OGG", "audio/x-m4a, MP4", "video/mp4, MP4",
            "audio/aac, AAC", "audio/webm, WEBM", "video/x-matroska, WEBM"})
    void readsDeclaredMediaTypes(String contentType, AudioFormat format) {
        assertThat(AudioFormat.fromMediaType(contentType)).contains(format);
    }

    @Test
    void readsNoFormatFromGenericTypes() {
        assertThat(AudioFormat.fromMediaType(null)).isEmpty();
        assertThat(AudioFormat.fromMediaType("application/octet-stream")).isEmpty();
        assertThat(AudioFormat.fromMediaType("image/png")).isEmpty();
    }

    @Test
    void listsWhatItAccepts() {
        assertThat(AudioFormat.acceptedMediaTypes()).containsExactly("audio/wav", "audio/flac", "audio/mpeg", "audio/ogg",
                "audio/mp4", "audio/aac", "audio/webm");
        assertThat(AudioFormat.acceptedNames()).startsWith("WAV, FLAC, MP3");
        assertThat(Arrays.stream(AudioFormat.values()).filter(f -> !f.needsFfmpeg())).containsExactly(AudioFormat.WAV);
    }

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }
}
