package io.gureum.vision.image;

import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * EXIF orientation (tag 0x0112, values 1-8): reading it from each container and turning pixels upright.
 * <p>
 * The EXIF block is located here, bounded by the byte array, and only its TIFF structure is handed to
 * metadata-extractor: its whole-file readers trust declared chunk sizes (a forged 2 GB WebP chunk is
 * allocated before it is read) and inflate every compressed PNG text chunk, both open to bombs.
 */
final class ExifOrientation {
    static final int NORMAL = 1;

    private ExifOrientation() {}

    /** The orientation the file declares, or 1 when it has none or the EXIF block is unreadable. */
    static int read(ImageFormat format, byte[] bytes) {
        try {
            byte[] tiff = switch (format) {
                case JPEG -> jpegExif(bytes);
                case PNG -> pngChunk(bytes, "eXIf");
                case WEBP -> riffChunk(bytes, "EXIF");
                case TIFF -> bytes;
                case BMP -> null;
            };
            if (tiff == null) return NORMAL;
            int start = startsWithExifPreamble(tiff, 0) ? 6 : 0; // some writers keep JPEG's "Exif\0\0" in PNG/WebP
            Metadata metadata = new Metadata();
            new ExifReader().extract(new ByteArrayReader(tiff, start), metadata);
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            Integer value = ifd0 == null ? null : ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
            return value != null && value >= 1 && value <= 8 ? value : NORMAL;
        } catch (RuntimeException e) {
            // Orientation is advisory: a damaged EXIF block must not reject pixels that decode.
            return NORMAL;
        }
    }

    /** The TIFF structure inside the first APP1 "Exif" segment, scanning markers up to the image data. */
    private static byte[] jpegExif(byte[] b) {
        int i = 2;
        while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF) {
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) { i++; continue; }          // fill byte
            if (marker == 0xDA || marker == 0xD9) return null; // start of scan / end of image
            int length = (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
            if (length < 2 || i + 2 + length > b.length) return null;
            if (marker == 0xE1 && startsWithExifPreamble(b, i + 4)) {
                return Arrays.copyOfRange(b, i + 4 + 6, i + 2 + length);
            }
            i += 2 + length;
        }
        return null;
    }

    private static byte[] pngChunk(byte[] b, String type) {
        int i = 8;
        while (i + 12 <= b.length) {
            long length = readInt(b, i, false) & 0xFFFFFFFFL;
            if (i + 12 + length > b.length) return null;
            if (matches(b, i + 4, type)) return Arrays.copyOfRange(b, i + 8, i + 8 + (int) length);
            if (matches(b, i + 4, "IDAT")) return null; // eXIf must precede the image data
            i += 12 + (int) length;
        }
        return null;
    }

    private static byte[] riffChunk(byte[] b, String fourCc) {
        int i = 12;
        while (i + 8 <= b.length) {
            long size = readInt(b, i + 4, true) & 0xFFFFFFFFL;
            if (i + 8 + size > b.length) return null;
            if (matches(b, i, fourCc)) return Arrays.copyOfRange(b, i + 8, i + 8 + (int) size);
            i += 8 + (int) (size + (size & 1)); // chunks are padded to even sizes
        }
        return null;
    }

    private static boolean startsWithExifPreamble(byte[] b, int at) {
        return matches(b, at, "Exif") && at + 6 <= b.length && b[at + 4] == 0 && b[at + 5] == 0;
    }

    private static boolean matches(byte[] b, int at, String ascii) {
        if (at + ascii.length() > b.length) return false;
        for (int k = 0; k < ascii.length(); k++) {
            if (b[at + k] != (byte) ascii.charAt(k)) return false;
        }
        return true;
    }

    private static int readInt(byte[] b, int at, boolean littleEndian) {
        int b0 = b[at] & 0xFF, b1 = b[at + 1] & 0xFF, b2 = b[at + 2] & 0xFF, b3 = b[at + 3] & 0xFF;
        return littleEndian ? b0 | b1 << 8 | b2 << 16 | b3 << 24 : b0 << 24 | b1 << 16 | b2 << 8 | b3;
    }

    /**
     * The packed BGR image turned upright. Each orientation is a walk over the source: where
     * output pixel (0,0) comes from, and the source step for one output column and for one output row.
     */
    static BufferedImage apply(BufferedImage src, int orientation) {
        if (orientation == NORMAL) return src;
        int w = src.getWidth();
        int h = src.getHeight();
        boolean transposed = orientation >= 5;
        int outW = transposed ? h : w;
        int outH = transposed ? w : h;
        // {origin x, origin y, column step x, column step y, row step x, row step y}, in source pixels
        int[] walk = switch (orientation) {
            case 2 -> new int[] {w - 1, 0, -1, 0, 0, 1};          // mirrored horizontally
            case 3 -> new int[] {w - 1, h - 1, -1, 0, 0, -1};     // rotated 180
            case 4 -> new int[] {0, h - 1, 1, 0, 0, -1};          // mirrored vertically
            case 5 -> new int[] {0, 0, 0, 1, 1, 0};               // transposed
            case 6 -> new int[] {0, h - 1, 0, -1, 1, 0};          // needs 90 clockwise
            case 7 -> new int[] {w - 1, h - 1, 0, -1, -1, 0};     // transversed
            case 8 -> new int[] {w - 1, 0, 0, 1, -1, 0};          // needs 90 counter-clockwise
            default -> throw new IllegalArgumentException("EXIF orientation must be 1-8: " + orientation);
        };
        int columnStep = 3 * (walk[3] * w + walk[2]);
        int rowStep = 3 * (walk[5] * w + walk[4]);
        byte[] in = BgrImages.pixels(src);
        BufferedImage dst = BgrImages.create(outW, outH);
        byte[] out = BgrImages.pixels(dst);
        int rowStart = 3 * (walk[1] * w + walk[0]);
        int o = 0;
        for (int y = 0; y < outH; y++, rowStart += rowStep) {
            for (int x = 0, s = rowStart; x < outW; x++, s += columnStep) {
                out[o++] = in[s];
                out[o++] = in[s + 1];
                out[o++] = in[s + 2];
            }
        }
        return dst;
    }
}
