package io.gureum.speech.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds WAV files byte by byte for the decoder tests, independently of {@link WavWriter}: every sample encoding, the
 * extensible header, extra chunks, odd sizes, streamed and lying sizes, RF64.
 */
final class TestWav {
    /** How samples are stored, with the value a decoder must give back for a stored code. */
    enum Encoding {
        U8(1, 1, 8), S16(1, 2, 16), S24(1, 3, 24), S32(1, 4, 32), F32(3, 4, 32), F64(3, 8, 64);

        final int tag;
        final int bytes;
        final int bits;

        Encoding(int tag, int bytes, int bits) {
            this.tag = tag;
            this.bytes = bytes;
            this.bits = bits;
        }

        /** Stores v (in [-1, 1]) and returns the exact value it stands for once stored. */
        double store(double v, ByteBuffer out) {
            switch (this) {
                case U8 -> {
                    long code = Math.max(0, Math.min(255, Math.round(v * 128) + 128));
                    out.put((byte) code);
                    return (code - 128) / 128.0;
                }
                case S16, S24, S32 -> {
                    double full = Math.pow(2, bits - 1);
                    long code = Math.max((long) -full, Math.min((long) full - 1, Math.round(v * full)));
                    for (int i = 0; i < bytes; i++) out.put((byte) (code >> (8 * i)));
                    return code / full;
                }
                case F32 -> {
                    out.putFloat((float) v);
                    return (float) v;
                }
                case F64 -> {
                    out.putDouble(v);
                    return v;
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    private int formatTag = 1;
    private int channels = 1;
    private int sampleRate = 16_000;
    private int bitsPerSample = 16;
    private int blockAlign = 2;
    private boolean extensible;
    private int validBits;
    private String riffId = "RIFF";
    private Long declaredDataSize;
    private byte[] data = new byte[0];
    private final List<byte[]> chunksBeforeFmt = new ArrayList<>();
    private final List<byte[]> chunksBeforeData = new ArrayList<>();
    private final List<byte[]> chunksAfterData = new ArrayList<>();
    private boolean rf64;

    /** Interleaved frames of the given channels, encoded; returns the values a decoder must read back, per frame averaged. */
    static Encoded encode(Encoding encoding, float[][] channelSamples) {
        int frames = channelSamples[0].length;
        int channels = channelSamples.length;
        ByteBuffer out = ByteBuffer.allocate(frames * channels * encoding.bytes).order(ByteOrder.LITTLE_ENDIAN);
        double[] mono = new double[frames];
        for (int i = 0; i < frames; i++) {
            double sum = 0;
            for (float[] channel : channelSamples) sum += encoding.store(channel[i], out);
            mono[i] = sum / channels;
        }
        return new Encoded(out.array(), mono);
    }

    record Encoded(byte[] bytes, double[] expectedMono) {}

    TestWav format(int tag, int bitsPerSample, int bytesPerSample, int channels, int sampleRate) {
        this.formatTag = tag;
        this.bitsPerSample = bitsPerSample;
        this.blockAlign = bytesPerSample * channels;
        this.channels = channels;
        this.sampleRate = sampleRate;
        return this;
    }

    TestWav format(Encoding encoding, int channels, int sampleRate) {
        return format(encoding.tag, encoding.bits, encoding.bytes, channels, sampleRate);
    }

    /** WAVE_FORMAT_EXTENSIBLE carrying the format tag in its sub-format GUID. */
    TestWav extensible(int validBits) {
        this.extensible = true;
        this.validBits = validBits;
        return this;
    }

    TestWav blockAlign(int blockAlign) {
        this.blockAlign = blockAlign;
        return this;
    }

    TestWav data(byte[] data) {
        this.data = data;
        return this;
    }

    /** What the data chunk's size field says, instead of the true length. */
    TestWav declaredDataSize(long size) {
        this.declaredDataSize = size;
        return this;
    }

    TestWav chunkBeforeFmt(String id, byte[] body) {
        chunksBeforeFmt.add(chunk(id, body));
        return this;
    }

    TestWav chunkBeforeData(String id, byte[] body) {
        chunksBeforeData.add(chunk(id, body));
        return this;
    }

    TestWav chunkAfterData(String id, byte[] body) {
        chunksAfterData.add(chunk(id, body));
        return this;
    }

    /** An RF64 file: RIFF and data sizes 0xFFFFFFFF, the real ones in a ds64 chunk. */
    TestWav rf64() {
        riffId = "RF64";
        declaredDataSize = 0xFFFFFFFFL;
        rf64 = true;
        return this;
    }

    byte[] build() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ascii("WAVE"));
        if (rf64) {
            // riff size, data size, sample count, table length (the riff size is not checked: left a placeholder)
            body.writeBytes(chunk("ds64", ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(0).putLong(data.length).putLong(0).putInt(0).array()));
        }
        chunksBeforeFmt.forEach(body::writeBytes);
        body.writeBytes(chunk("fmt ", fmt()));
        chunksBeforeData.forEach(body::writeBytes);
        long size = declaredDataSize != null ? declaredDataSize : data.length;
        body.writeBytes(ascii("data"));
        body.writeBytes(le32(size));
        body.writeBytes(data);
        if (data.length % 2 == 1 && !chunksAfterData.isEmpty()) body.write(0);
        chunksAfterData.forEach(body::writeBytes);
        byte[] riffBody = body.toByteArray();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(ascii(riffId));
        file.writeBytes(le32(rf64 ? 0xFFFFFFFFL : riffBody.length));
        file.writeBytes(riffBody);
        return file.toByteArray();
    }

    private byte[] fmt() {
        ByteBuffer fmt = ByteBuffer.allocate(extensible ? 40 : 16).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) (extensible ? 0xFFFE : formatTag)).putShort((short) channels).putInt(sampleRate)
                .putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) bitsPerSample);
        if (extensible) {
            fmt.putShort((short) 22).putShort((short) validBits).putInt(channels == 1 ? 0x4 : 0x3)
                    .putShort((short) formatTag) // KSDATAFORMAT_SUBTYPE_*: the tag, then a fixed tail
                    .put(new byte[] {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00,
                            0x38, (byte) 0x9B, 0x71});
        }
        return fmt.array();
    }

    /** A chunk with its pad byte when the body's length is odd. */
    static byte[] chunk(String id, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii(id));
        out.writeBytes(le32(body.length));
        out.writeBytes(body);
        if (body.length % 2 == 1) out.write(0);
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] le32(long v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }
}
