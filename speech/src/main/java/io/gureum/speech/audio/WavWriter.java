package io.gureum.speech.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** 16-bit PCM WAV output: whole files, or a header to stream samples after when the length is not known yet. */
public final class WavWriter {
    /** Bytes of the canonical header before the samples (RIFF, 'fmt ' of 16 bytes, 'data'). */
    public static final int HEADER_BYTES = 44;

    /**
     * What the RIFF and data sizes say when the length is unknown (as ffmpeg writes to a pipe): readers take the data
     * to run to the end of the file. {@link AudioDecoder} does.
     */
    private static final long UNKNOWN_SIZE = 0xFFFFFFFFL;

    private WavWriter() {}

    /** The header of a file with {@code dataBytes} bytes of 16-bit PCM samples to follow. */
    public static byte[] header(int sampleRate, int channels, long dataBytes) {
        if (dataBytes < 0 || dataBytes > UNKNOWN_SIZE - (HEADER_BYTES - 8) - 1) {
            throw new IllegalArgumentException("A WAV holds 0 to 4 GB of samples, not " + dataBytes
                    + " bytes; use streamingHeader for output of unknown length");
        }
        return header(sampleRate, channels, HEADER_BYTES - 8 + dataBytes, dataBytes);
    }

    /** The header for 16-bit PCM samples of a length not known yet (streamed TTS output): sizes 0xFFFFFFFF. */
    public static byte[] streamingHeader(int sampleRate, int channels) {
        return header(sampleRate, channels, UNKNOWN_SIZE, UNKNOWN_SIZE);
    }

    /** A mono WAV of 16-bit little-endian PCM bytes (as {@link Audio#pcm16()} gives). */
    public static byte[] wav(byte[] pcm16, int sampleRate) {
        byte[] header = header(sampleRate, 1, pcm16.length);
        byte[] file = new byte[header.length + pcm16.length];
        System.arraycopy(header, 0, file, 0, header.length);
        System.arraycopy(pcm16, 0, file, header.length, pcm16.length);
        return file;
    }

    /** A mono WAV of 16-bit samples. */
    public static byte[] wav(short[] pcm16, int sampleRate) {
        ByteBuffer file = ByteBuffer.allocate(HEADER_BYTES + 2 * pcm16.length).order(ByteOrder.LITTLE_ENDIAN);
        file.put(header(sampleRate, 1, 2L * pcm16.length));
        file.asShortBuffer().put(pcm16);
        return file.array();
    }

    /** The audio as a mono 16-bit WAV at its own rate. */
    public static byte[] wav(Audio audio) {
        return wav(audio.pcm16(), audio.sampleRate());
    }

    private static byte[] header(int sampleRate, int channels, long riffSize, long dataSize) {
        if (sampleRate <= 0 || channels <= 0 || channels > 0xFFFF) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " and channels " + channels + " must be positive");
        }
        int blockAlign = 2 * channels;
        return ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .put(ascii("RIFF")).putInt((int) riffSize).put(ascii("WAVE"))
                .put(ascii("fmt ")).putInt(16)
                .putShort((short) WavFile.PCM).putShort((short) channels).putInt(sampleRate)
                .putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) 16)
                .put(ascii("data")).putInt((int) dataSize)
                .array();
    }

    private static byte[] ascii(String chunkId) {
        return chunkId.getBytes(StandardCharsets.US_ASCII);
    }
}
