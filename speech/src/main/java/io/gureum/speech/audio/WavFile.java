package io.gureum.speech.audio;

import io.gureum.core.Problem;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a WAV file's samples are and how they are encoded, read from its chunks (RIFF, and the 64-bit RF64/BW64 that
 * some recorders write). Decodes straight from the file's bytes into the mono output, so decoding needs no memory
 * beyond the result.
 *
 * @param formatTag      the WAVE format tag ({@link #PCM}, {@link #IEEE_FLOAT}, ...); for WAVE_FORMAT_EXTENSIBLE the
 *                       tag of its sub-format
 * @param bytesPerSample bytes of one sample of one channel (the container: 24-bit samples in 4 bytes give 4)
 * @param dataOffset     where the samples start in the file
 * @param dataLength     bytes of samples
 */
record WavFile(int formatTag, int channels, int sampleRate, int bitsPerSample, int bytesPerSample,
               int dataOffset, long dataLength) {

    static final int PCM = 1;
    static final int IEEE_FLOAT = 3;
    static final int ALAW = 6;
    static final int MULAW = 7;
    static final int EXTENSIBLE = 0xFFFE;

    /**
     * Data sizes from here up are placeholders of writers that could not seek back to fill in the size (ffmpeg writes
     * 0xFFFFFFFF, espeak-ng 0x7FFFF000, arecord 0x7FFFFFFF): no file held in a Java array is that large. Like 0, they
     * mean "until the end of the file".
     */
    private static final long STREAMED_SIZE = 0x7FFF0000L;

    /** The 14 bytes after the tag in every KSDATAFORMAT_SUBTYPE GUID of a classic format (PCM, float, A-law, ...). */
    private static final byte[] SUBTYPE_GUID_TAIL = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00,
            (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};

    private enum Encoding { U8, S16, S24, S32, F32, F64, ALAW, MULAW }

    /**
     * Walks the chunks after the RIFF header, skipping those it does not need (LIST, fact, cue, ...) with their pad
     * byte. A data chunk of size 0 or a placeholder size (a streamed WAV) runs to the end of the file; a data chunk
     * that declares more bytes than the file holds is an error, not silently shortened. The RIFF size is ignored:
     * writers get it wrong more often than the chunk sizes.
     *
     * @throws io.gureum.core.Problem 400 {@code invalid_audio} when the chunks are malformed or the data is truncated
     */
    static WavFile parse(byte[] b) {
        boolean sizesInDs64 = !ascii(b, 0).equals("RIFF");
        long ds64DataSize = -1;
        Format format = null;
        int dataOffset = -1;
        long dataLength = 0;
        int pos = 12;
        while (pos + 8 <= b.length) {
            String id = ascii(b, pos);
            if (!isChunkId(id)) {
                if (dataOffset >= 0) break; // trailing bytes after the audio: harmless
                throw AudioProblems.invalid("the WAV file has bytes that are not a RIFF chunk at offset " + pos
                        + " (a chunk starts with a 4-letter name): the header is followed by garbage. The file is"
                        + " corrupt or not a WAV file.");
            }
            long size = u32(b, pos + 4);
            int body = pos + 8;
            long remaining = b.length - body;
            if (id.equals("data")) {
                long declared = sizesInDs64 && size == 0xFFFFFFFFL && ds64DataSize >= 0 ? ds64DataSize : size;
                boolean streamed = declared == 0 || declared >= STREAMED_SIZE;
                if (declared > remaining && !streamed) throw truncated(declared, remaining, format);
                dataLength = streamed ? remaining : declared;
                dataOffset = body;
                if (streamed || format != null) break;
            } else {
                if (size > remaining) {
                    if (dataOffset >= 0) break; // a cut-off chunk after the audio costs nothing
                    throw AudioProblems.invalid("truncated WAV: the '" + id.trim() + "' chunk at offset " + pos
                            + " declares " + size + " bytes but only " + remaining + " follow. The file is cut off"
                            + " or corrupt.");
                }
                if (id.equals("fmt ")) format = Format.read(b, body, (int) size);
                if (id.equals("ds64") && size >= 16) ds64DataSize = u64(b, body + 8);
            }
            pos = (int) Math.min(b.length, body + size + (size & 1));
        }
        if (format == null) {
            throw AudioProblems.invalid("the WAV file has no 'fmt ' chunk, which says how its samples are encoded."
                    + " The file is corrupt or was not written as WAV.");
        }
        if (dataOffset < 0) throw AudioProblems.noSamples();
        return new WavFile(format.tag, format.channels, format.sampleRate, format.bits, format.bytesPerSample,
                dataOffset, dataLength);
    }

    /** Whether {@link #decodeMono} reads this encoding; others (ADPCM, GSM, MP3-in-WAV) need ffmpeg. */
    boolean decodable() {
        return encoding() != null;
    }

    /** "16-bit PCM", "IMA ADPCM", ...: for messages. */
    String encodingName() {
        return switch (formatTag) {
            case PCM -> bitsPerSample + "-bit PCM";
            case IEEE_FLOAT -> bitsPerSample + "-bit float";
            case ALAW -> "A-law";
            case MULAW -> "µ-law";
            case 0x0002 -> "Microsoft ADPCM";
            case 0x0011 -> "IMA ADPCM";
            case 0x0031 -> "GSM 6.10";
            case 0x0050, 0x0055 -> "MPEG audio";
            default -> String.format(Locale.ROOT, "format tag 0x%04X", formatTag);
        };
    }

    int frames() {
        return (int) (dataLength / ((long) channels * bytesPerSample));
    }

    double seconds() {
        return frames() / (double) sampleRate;
    }

    /** The samples, channels averaged into one, in [-1, 1]. A trailing partial frame is dropped. */
    float[] decodeMono(byte[] b) {
        Encoding encoding = encoding();
        if (encoding == null) throw new IllegalStateException("not decodable: " + encodingName());
        int frames = frames();
        float[] mono = new float[frames];
        float perChannel = 1f / channels;
        int p = dataOffset;
        for (int i = 0; i < frames; i++) {
            float sum = 0;
            for (int c = 0; c < channels; c++, p += bytesPerSample) sum += sample(encoding, b, p);
            mono[i] = sum * perChannel;
        }
        return mono;
    }

    private Encoding encoding() {
        return switch (formatTag) {
            case PCM -> switch (bytesPerSample) {
                case 1 -> Encoding.U8;
                case 2 -> Encoding.S16;
                case 3 -> Encoding.S24;
                case 4 -> Encoding.S32;
                default -> null;
            };
            case IEEE_FLOAT -> bytesPerSample == 4 ? Encoding.F32 : bytesPerSample == 8 ? Encoding.F64 : null;
            case ALAW -> bytesPerSample == 1 ? Encoding.ALAW : null;
            case MULAW -> bytesPerSample == 1 ? Encoding.MULAW : null;
            default -> null;
        };
    }

    /**
     * One sample as a float. Integer samples are left-justified in their container (a 20-bit sample fills the top
     * of 3 bytes), so scaling by the container's full range is right whatever the valid bits.
     */
    private static float sample(Encoding encoding, byte[] b, int p) {
        return switch (encoding) {
            case U8 -> ((b[p] & 0xFF) - 128) / 128f;
            case S16 -> (short) ((b[p] & 0xFF) | b[p + 1] << 8) / 32768f;
            case S24 -> ((b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | b[p + 2] << 16) / 8388608f;
            case S32 -> (float) (s32(b, p) / 2147483648.0);
            case F32 -> Samples.clamp(Float.intBitsToFloat(s32(b, p)));
            case F64 -> Samples.clamp((float) Double.longBitsToDouble(u64(b, p)));
            case ALAW -> G711.ALAW[b[p] & 0xFF];
            case MULAW -> G711.MULAW[b[p] & 0xFF];
        };
    }

    private static Problem truncated(long declared, long remaining, Format format) {
        String seconds = format == null || format.bytesPerSecond() == 0 ? ""
                : " (" + AudioProblems.duration(declared / format.bytesPerSecond()) + " of audio)";
        String have = format == null || format.bytesPerSecond() == 0 ? ""
                : " (" + AudioProblems.duration(remaining / format.bytesPerSecond()) + ")";
        return AudioProblems.invalid("truncated WAV: its data chunk declares " + declared + " bytes" + seconds
                + " but only " + remaining + " bytes" + have + " follow. The upload or the recording was cut off;"
                + " send the complete file.");
    }

    /** The fields of a 'fmt ' chunk this decoder needs. */
    private record Format(int tag, int channels, int sampleRate, int bits, int bytesPerSample) {
        static Format read(byte[] b, int body, int size) {
            if (size < 16) throw AudioProblems.invalid("the WAV 'fmt ' chunk is " + size + " bytes; it needs at least 16.");
            int tag = u16(b, body);
            int channels = u16(b, body + 2);
            long sampleRate = u32(b, body + 4);
            int blockAlign = u16(b, body + 12);
            int bits = u16(b, body + 14);
            if (tag == EXTENSIBLE && size >= 40 && Arrays.equals(b, body + 26, body + 40,
                    SUBTYPE_GUID_TAIL, 0, SUBTYPE_GUID_TAIL.length)) {
                tag = u16(b, body + 24);
            }
            if (channels == 0) throw AudioProblems.invalid("the WAV header says the audio has 0 channels.");
            if (sampleRate == 0 || sampleRate > Integer.MAX_VALUE) {
                throw AudioProblems.invalid("the WAV header gives an impossible sample rate of " + sampleRate + " Hz.");
            }
            // blockAlign names the container (24-bit samples in 4 bytes); some writers leave it 0 or wrong
            int fromBits = (bits + 7) / 8;
            int fromBlockAlign = blockAlign % channels == 0 ? blockAlign / channels : 0;
            int bytesPerSample = fromBlockAlign >= fromBits && fromBlockAlign > 0 ? fromBlockAlign : Math.max(1, fromBits);
            return new Format(tag, channels, (int) sampleRate, bits, bytesPerSample);
        }

        double bytesPerSecond() {
            return (double) sampleRate * channels * bytesPerSample;
        }
    }

    /** ITU-T G.711 expansion tables: 8-bit companded codes to linear samples. */
    private static final class G711 {
        static final float[] ALAW = new float[256];
        static final float[] MULAW = new float[256];

        static {
            for (int code = 0; code < 256; code++) {
                ALAW[code] = alaw(code) / 32768f;
                MULAW[code] = mulaw(code) / 32768f;
            }
        }

        private static int alaw(int code) {
            int a = code ^ 0x55;
            int exponent = (a >> 4) & 7, mantissa = a & 0x0F;
            int magnitude = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
            return (a & 0x80) != 0 ? magnitude : -magnitude;
        }

        private static int mulaw(int code) {
            int u = ~code & 0xFF;
            int exponent = (u >> 4) & 7, mantissa = u & 0x0F;
            int magnitude = (((mantissa << 3) + 0x84) << exponent) - 0x84;
            return (u & 0x80) != 0 ? -magnitude : magnitude;
        }
    }

    private static boolean isChunkId(String id) {
        return id.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
    }

    private static String ascii(byte[] b, int offset) {
        return new String(b, offset, 4, StandardCharsets.ISO_8859_1);
    }

    private static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
    }

    private static int s32(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | b[p + 3] << 24;
    }

    private static long u32(byte[] b, int p) {
        return s32(b, p) & 0xFFFFFFFFL;
    }

    private static long u64(byte[] b, int p) {
        return u32(b, p) | (long) s32(b, p + 4) << 32;
    }
}
