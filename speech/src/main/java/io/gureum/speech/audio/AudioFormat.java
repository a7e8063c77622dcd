package io.gureum.speech.audio;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The audio containers the speech APIs accept, recognised by their leading bytes (the declared Content-Type is only a
 * fallback: clients often send {@code application/octet-stream} or the wrong type). WAV is decoded in Java; the rest
 * through {@link Ffmpeg}.
 */
public enum AudioFormat {
    WAV("WAV", "audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave"),
    FLAC("FLAC", "audio/flac", "audio/x-flac"),
    MP3("MP3", "audio/mpeg", "audio/mp3", "audio/mpeg3", "audio/x-mpeg-3"),
    OGG("Ogg (Opus, Vorbis)", "audio/ogg", "audio/opus", "audio/vorbis", "application/ogg"),
    MP4("M4A/MP4 (AAC)", "audio/mp4", "audio/m4a", "audio/x-m4a", "video/mp4"),
    AAC("AAC (ADTS)", "audio/aac", "audio/aacp", "audio/x-aac"),
    WEBM("WebM/Matroska", "audio/webm", "video/webm", "audio/x-matroska", "video/x-matroska");

    private final String displayName;
    private final String mediaType;
    private final List<String> aliases;

    AudioFormat(String displayName, String mediaType, String... aliases) {
        this.displayName = displayName;
        this.mediaType = mediaType;
        this.aliases = List.of(aliases);
    }

    public String displayName() { return displayName; }
    public String mediaType() { return mediaType; }

    /** Whether decoding it takes ffmpeg (everything but WAV). */
    public boolean needsFfmpeg() { return this != WAV; }

    /** "WAV, FLAC, MP3, ...": for error messages and docs. */
    public static String acceptedNames() {
        return Arrays.stream(values()).map(AudioFormat::displayName).collect(Collectors.joining(", "));
    }

    public static List<String> acceptedMediaTypes() {
        return Arrays.stream(values()).map(AudioFormat::mediaType).toList();
    }

    /** The format a Content-Type names ({@code audio/x-wav; codecs=1} too), if it names one. */
    public static Optional<AudioFormat> fromMediaType(String contentType) {
        if (contentType == null) return Optional.empty();
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.mediaType.equals(type) || f.aliases.contains(type)).findFirst();
    }

    /** The accepted format these bytes start with, if any. */
    public static Optional<AudioFormat> sniff(byte[] b) {
        if ((startsWith(b, 0, "RIFF") || startsWith(b, 0, "RF64") || startsWith(b, 0, "BW64")) && startsWith(b, 8, "WAVE")) {
            return Optional.of(WAV);
        }
        if (startsWith(b, 0, "fLaC")) return Optional.of(FLAC);
        if (startsWith(b, 0, "OggS")) return Optional.of(OGG);
        if (startsWith(b, 0, 0x1A, 0x45, 0xDF, 0xA3)) return Optional.of(WEBM);
        if (startsWith(b, 4, "ftyp") && !isImageBrand(b)) return Optional.of(MP4);
        if (startsWith(b, 0, "ID3") || isMpegAudioFrame(b)) return Optional.of(MP3);
        if (isAdtsFrame(b)) return Optional.of(AAC);
        return Optional.empty();
    }

    /** Names a well-known format that is not accepted, so the error can say "this looks like a PNG image". */
    static Optional<String> recogniseUnsupported(byte[] b) {
        if (startsWith(b, 0, "RIFF") && b.length >= 12) {
            return Optional.of("a RIFF file of type '" + new String(b, 8, 4, StandardCharsets.ISO_8859_1).trim()
                    + "' (not WAVE)");
        }
        if (startsWith(b, 0, "FORM") && (startsWith(b, 8, "AIFF") || startsWith(b, 8, "AIFC"))) return Optional.of("AIFF audio");
        if (startsWith(b, 4, "ftyp") && isImageBrand(b)) return Optional.of("a HEIF/AVIF image");
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G')) return Optional.of("a PNG image");
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) return Optional.of("a JPEG image");
        if (startsWith(b, 0, "GIF8")) return Optional.of("a GIF image");
        if (startsWith(b, 0, "%PDF")) return Optional.of("a PDF document");
        if (startsWith(b, 0, "PK")) return Optional.of("a ZIP archive");
        return Optional.empty();
    }

    private static boolean isImageBrand(byte[] b) {
        if (b.length < 12) return false;
        String brand = new String(b, 8, 4, StandardCharsets.ISO_8859_1);
        return brand.startsWith("avi") || brand.startsWith("hei") || brand.startsWith("hev") || brand.equals("mif1")
                || brand.equals("msf1");
    }

    /**
     * An MP3 without ID3 tag starts with a frame header; 11 sync bits alone are too weak (random bytes have them one
     * time in 2000), so also refuse the reserved version, layer, bitrate and sample-rate codes. What still slips
     * through goes to ffmpeg, which refuses it as invalid.
     */
    private static boolean isMpegAudioFrame(byte[] b) {
        if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xE0) != 0xE0) return false;
        int version = (b[1] >> 3) & 3, layer = (b[1] >> 1) & 3, bitrate = (b[2] >> 4) & 15, rate = (b[2] >> 2) & 3;
        return version != 1 && layer != 0 && bitrate != 15 && rate != 3;
    }

    /** ADTS (raw AAC) shares MPEG's sync word but has layer 0; its profile and sample-rate codes have reserved values. */
    private static boolean isAdtsFrame(byte[] b) {
        if (b.length < 7 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xF6) != 0xF0) return false;
        int rateIndex = (b[2] >> 2) & 15;
        return rateIndex < 13;
    }

    private static boolean startsWith(byte[] b, int offset, String ascii) {
        return startsWith(b, offset, ascii.chars().toArray());
    }

    private static boolean startsWith(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) return false;
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) return false;
        }
        return true;
    }
}
