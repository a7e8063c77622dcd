package io.gureum.vision.image;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The image formats the vision APIs accept, recognised by their leading bytes (the declared
 * Content-Type is not trusted: clients often send {@code application/octet-stream} or the wrong type).
 */
public enum ImageFormat {
    JPEG("JPEG", "image/jpeg", "jpeg"),
    PNG("PNG", "image/png", "png"),
    WEBP("WebP", "image/webp", "webp"),
    BMP("BMP", "image/bmp", "bmp"),
    TIFF("TIFF", "image/tiff", "tiff");

    private final String displayName;
    private final String mediaType;
    private final String imageIoName;

    ImageFormat(String displayName, String mediaType, String imageIoName) {
        this.displayName = displayName;
        this.mediaType = mediaType;
        this.imageIoName = imageIoName;
    }

    public String displayName() { return displayName; }
    public String mediaType() { return mediaType; }
    /** The format name ImageIO's reader registry knows it by. */
    String imageIoName() { return imageIoName; }

    /** "JPEG, PNG, WebP, BMP, TIFF": for error messages and docs. */
    public static String acceptedNames() {
        return Arrays.stream(values()).map(ImageFormat::displayName).collect(Collectors.joining(", "));
    }

    public static List<String> acceptedMediaTypes() {
        return Arrays.stream(values()).map(ImageFormat::mediaType).toList();
    }

    /** The accepted format these bytes start with, if any. */
    public static Optional<ImageFormat> sniff(byte[] b) {
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) return Optional.of(JPEG);
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return Optional.of(PNG);
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) return Optional.of(WEBP);
        if (isBmp(b)) return Optional.of(BMP);
        // classic TIFF (42) and BigTIFF (43), both byte orders
        if (startsWith(b, 0, 'I', 'I', 42, 0) || startsWith(b, 0, 'M', 'M', 0, 42)
                || startsWith(b, 0, 'I', 'I', 43, 0) || startsWith(b, 0, 'M', 'M', 0, 43)) return Optional.of(TIFF);
        return Optional.empty();
    }

    /**
     * Names a well-known image or document format that is not accepted, so the error can say
     * "this looks like HEIC" instead of only "unsupported".
     */
    static Optional<String> recogniseUnsupported(byte[] b) {
        if (startsWith(b, 0, 'G', 'I', 'F', '8')) return Optional.of("GIF");
        if (startsWith(b, 4, 'f', 't', 'y', 'p') && b.length >= 12) {
            String brand = new String(b, 8, 4, StandardCharsets.US_ASCII);
            if (brand.startsWith("avi")) return Optional.of("AVIF");
            if (brand.startsWith("hei") || brand.startsWith("hev") || brand.equals("mif1") || brand.equals("msf1")) {
                return Optional.of("HEIF/HEIC");
            }
        }
        if (startsWith(b, 0, 0, 0, 0, 0x0C, 'j', 'P', ' ', ' ') || startsWith(b, 0, 0xFF, 0x4F, 0xFF, 0x51)) {
            return Optional.of("JPEG 2000");
        }
        if (startsWith(b, 0, '%', 'P', 'D', 'F')) return Optional.of("PDF");
        if (startsWith(b, 0, '8', 'B', 'P', 'S')) return Optional.of("Photoshop PSD");
        return Optional.empty();
    }

    /** "BM" alone is too weak (any text starting "BM"); also require a known DIB header size. */
    private static boolean isBmp(byte[] b) {
        if (!startsWith(b, 0, 'B', 'M') || b.length < 18) return false;
        int dibSize = (b[14] & 0xFF) | (b[15] & 0xFF) << 8 | (b[16] & 0xFF) << 16 | (b[17] & 0xFF) << 24;
        return dibSize == 12 || dibSize == 16 || dibSize == 40 || dibSize == 52 || dibSize == 56
                || dibSize == 64 || dibSize == 108 || dibSize == 124;
    }

    private static boolean startsWith(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) return false;
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) return false;
        }
        return true;
    }
}
