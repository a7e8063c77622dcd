package io.gureum.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The WAV streams text-to-speech answers with, read as a client reads them: how long the audio is from the header
 * and the byte count (a streamed WAV's sizes say "unknown": Gureum writes 0xFFFFFFFF, espeak-ng 0x7FFFF000), and
 * when its first audio and its first 4 KiB arrived.
 */
final class SpeechWav {
    /** What a player buffers before it starts, roughly: the "first 4 KiB". */
    static final int FIRST_BYTES = 4096;

    private SpeechWav() {}

    /** The PCM layout of a WAV and where its samples start. */
    record Format(int sampleRate, int channels, int bitsPerSample, int dataOffset) {
        /** Seconds of audio in a stream of {@code totalBytes} bytes (header included) that runs to its end. */
        double seconds(long totalBytes) {
            long frame = (long) channels * bitsPerSample / 8;
            return Math.max(0, totalBytes - dataOffset) / frame / (double) sampleRate;
        }
    }

    /**
     * Parses the header at the start of a WAV: the RIFF chunks up to {@code data}, reading {@code fmt }.
     *
     * @throws IllegalArgumentException when the bytes are not a PCM WAV header
     */
    static Format parse(byte[] head, int length) {
        ByteBuffer b = ByteBuffer.wrap(head, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        if (length < 12 || !tag(head, 0).equals("RIFF") || !tag(head, 8).equals("WAVE")) {
            throw new IllegalArgumentException("not a WAV: no RIFF/WAVE header");
        }
        int sampleRate = 0;
        int channels = 0;
        int bits = 0;
        int at = 12;
        while (at + 8 <= length) {
            String id = tag(head, at);
            long size = b.getInt(at + 4) & 0xFFFFFFFFL;
            if (id.equals("fmt ")) {
                if (at + 24 > length) break;
                channels = b.getShort(at + 10) & 0xFFFF;
                sampleRate = b.getInt(at + 12);
                bits = b.getShort(at + 22) & 0xFFFF;
            } else if (id.equals("data")) {
                if (sampleRate <= 0 || channels <= 0 || bits <= 0) throw new IllegalArgumentException("WAV data before its fmt chunk");
                return new Format(sampleRate, channels, bits, at + 8);
            }
            at += 8 + (int) (size + (size & 1)); // chunks are padded to an even size
        }
        throw new IllegalArgumentException("no data chunk in the first " + length + " bytes of the WAV");
    }

    private static String tag(byte[] b, int at) {
        return new String(b, at, 4, StandardCharsets.US_ASCII);
    }

    /**
     * Times to the first audio byte (the first past the header), to the first {@link #FIRST_BYTES} bytes (or the end,
     * for a shorter stream) and to the end, each in seconds from {@code startNanos}; and the audio's length.
     */
    record Timed(double firstAudioSeconds, double firstBytesSeconds, double totalSeconds, long bytes, double audioSeconds) {}

    /** Reads a WAV stream to its end, noting when its first audio and first 4 KiB came. */
    static Timed read(InputStream in, long startNanos) throws IOException {
        byte[] head = new byte[FIRST_BYTES];
        byte[] rest = new byte[64 * 1024];
        long total = 0;
        long firstAudio = -1;
        long firstBytes = -1;
        Format format = null;
        int n;
        while ((n = in.read(total < FIRST_BYTES ? head : rest, total < FIRST_BYTES ? (int) total : 0,
                total < FIRST_BYTES ? FIRST_BYTES - (int) total : rest.length)) != -1) {
            long now = System.nanoTime();
            total += n;
            if (format == null) {
                try {
                    format = parse(head, (int) Math.min(total, FIRST_BYTES));
                } catch (IllegalArgumentException notYetWholeHeader) {
                    if (total >= FIRST_BYTES) throw notYetWholeHeader;
                }
            }
            if (firstAudio < 0 && format != null && total > format.dataOffset()) firstAudio = now;
            if (firstBytes < 0 && total >= FIRST_BYTES) firstBytes = now;
        }
        long end = System.nanoTime();
        if (format == null) throw new IOException("the stream ended after " + total + " bytes, before a whole WAV header");
        if (firstAudio < 0) firstAudio = end;
        if (firstBytes < 0) firstBytes = end;
        return new Timed((firstAudio - startNanos) / 1e9, (firstBytes - startNanos) / 1e9, (end - startNanos) / 1e9,
                total, format.seconds(total));
    }
}
