package io.gureum.vision.image;

import io.gureum.core.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import static io.gureum.vision.image.ImageCodecs.assertProblem;
import static io.gureum.vision.image.ImageCodecs.withJpegExif;
import static io.gureum.vision.image.ImageCodecs.withPngExif;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ImageDecoderTest {

    // ---- real photos -------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("photos")
    void decodesEachPhotoPixelForPixel(TestImages.Photo photo) throws IOException {
        DecodedImage decoded = ImageDecoder.decode(photo.bytes());

        assertThat(decoded.format()).isEqualTo(ImageFormat.PNG);
        assertThat(decoded.width()).isEqualTo(photo.width());
        assertThat(decoded.height()).isEqualTo(photo.height());
        assertThat(decoded.orientation()).isEqualTo(1);
        // the reference: raw samples of the plain ImageIO decode (gray replicated to r = g = b)
        Raster reference = ImageIO.read(photo.path().toFile()).getRaster();
        assertThat(decoded.bgr()).isEqualTo(bgrOf(reference));
    }

    static Stream<Arguments> reencodings() {
        return TestImages.PHOTOS.stream().flatMap(p -> Stream.of("png", "bmp", "tiff", "jpeg").map(f -> Arguments.of(p, f)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("reencodings")
    void decodesThePhotoReencoded(TestImages.Photo photo, String format) {
        DecodedImage original = ImageDecoder.decode(photo.bytes());
        byte[] encoded = TestImages.encode(original.image(), format);

        DecodedImage decoded = ImageDecoder.decode(encoded);

        assertThat(decoded.format()).isEqualTo(ImageFormat.valueOf(format.toUpperCase(Locale.ROOT)));
        assertThat(decoded.width()).isEqualTo(photo.width());
        assertThat(decoded.height()).isEqualTo(photo.height());
        if (format.equals("jpeg")) {
            assertThat(meanAbsoluteDifference(decoded.bgr(), original.bgr())).isLessThan(3.0);
        } else {
            assertThat(decoded.bgr()).isEqualTo(original.bgr()); // lossless
        }
    }

    @ParameterizedTest
    @MethodSource("photos")
    void decodesWebpLosslessAndLossy(TestImages.Photo photo, @TempDir Path dir) throws Exception {
        // TwelveMonkeys reads WebP but has no writer: cwebp (Debian package webp) makes the files.
        DecodedImage original = ImageDecoder.decode(photo.bytes());

        DecodedImage lossless = ImageDecoder.decode(ImageCodecs.cwebp(photo.path(), dir, "-lossless"));
        DecodedImage lossy = ImageDecoder.decode(ImageCodecs.cwebp(photo.path(), dir, "-q", "90"));

        assertThat(lossless.format()).isEqualTo(ImageFormat.WEBP);
        assertThat(lossless.bgr()).isEqualTo(original.bgr());
        assertThat(lossy.width()).isEqualTo(photo.width());
        assertThat(lossy.height()).isEqualTo(photo.height());
        assertThat(meanAbsoluteDifference(lossy.bgr(), original.bgr())).isLessThan(6.0);
    }

    static Stream<TestImages.Photo> photos() {
        return TestImages.PHOTOS.stream();
    }

    // ---- pixel types ------------------------------------------------------------------------

    @Test
    void sixteenBitGrayBecomesEightBitGray() {
        BufferedImage gray16 = new BufferedImage(32, 16, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster raster = gray16.getRaster();
        for (int x = 0; x < 32; x++) for (int y = 0; y < 16; y++) raster.setSample(x, y, 0, (x * 8) * 257);

        DecodedImage decoded = ImageDecoder.decode(TestImages.encode(gray16, "png"));

        for (int x = 0; x < 32; x++) assertThat(bgrAt(decoded, x, 5)).containsExactly(x * 8, x * 8, x * 8);
    }

    @Test
    void sixteenBitRgbBecomesEightBitRgb() {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        BufferedImage rgb16 = new BufferedImage(cm, cm.createCompatibleWritableRaster(16, 16), false, null);
        for (int x = 0; x < 16; x++) for (int y = 0; y < 16; y++) {
            rgb16.getRaster().setPixel(x, y, new int[] {200 * 257, 100 * 257, x * 16 * 257});
        }

        DecodedImage decoded = ImageDecoder.decode(TestImages.encode(rgb16, "png"));

        assertThat(decoded.format()).isEqualTo(ImageFormat.PNG);
        for (int x = 0; x < 16; x++) assertThat(bgrAt(decoded, x, 3)).containsExactly(x * 16, 100, 200);
    }

    @Test
    void transparencyIsCompositedOverWhite() {
        BufferedImage rgba = new BufferedImage(32, 16, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 32; x++) {
                int argb = x < 8 ? 0x00000000          // fully transparent (black underneath)
                        : x < 16 ? 0x80000000           // half-transparent black
                        : x < 24 ? 0xFFFF0000           // opaque red
                        : 0xFF0000FF;                   // opaque blue
                rgba.setRGB(x, y, argb);
            }
        }

        DecodedImage decoded = ImageDecoder.decode(TestImages.encode(rgba, "png"));

        assertThat(bgrAt(decoded, 2, 2)).containsExactly(255, 255, 255);
        for (int v : bgrAt(decoded, 10, 2)) assertThat(v).isBetween(125, 129);
        assertThat(bgrAt(decoded, 18, 2)).containsExactly(0, 0, 255);
        assertThat(bgrAt(decoded, 26, 2)).containsExactly(255, 0, 0);
    }

    @Test
    void grayWithAlphaIsCompositedOverWhite() {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        BufferedImage grayAlpha = new BufferedImage(cm, cm.createCompatibleWritableRaster(16, 16), false, null);
        for (int x = 0; x < 16; x++) for (int y = 0; y < 16; y++) {
            grayAlpha.getRaster().setPixel(x, y, new int[] {40, x < 8 ? 255 : 0});
        }

        DecodedImage decoded = ImageDecoder.decode(TestImages.encode(grayAlpha, "png"));

        assertThat(bgrAt(decoded, 3, 3)).containsExactly(40, 40, 40);
        assertThat(bgrAt(decoded, 12, 3)).containsExactly(255, 255, 255);
    }

    @Test
    void paletteColoursAreKept() {
        byte[] r = {(byte) 255, 0, 0, (byte) 250};
        byte[] g = {0, (byte) 255, 0, (byte) 128};
        byte[] b = {0, 0, (byte) 255, 10};
        // a full 256-entry palette: the JDK's BMP writer packs a 4-entry one into 4 bpp wrongly
        IndexColorModel palette = new IndexColorModel(8, 256, Arrays.copyOf(r, 256), Arrays.copyOf(g, 256), Arrays.copyOf(b, 256));
        BufferedImage indexed = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_INDEXED, palette);
        for (int x = 0; x < 16; x++) for (int y = 0; y < 16; y++) indexed.getRaster().setSample(x, y, 0, x / 4);

        for (String format : List.of("png", "bmp", "tiff")) {
            DecodedImage decoded = ImageDecoder.decode(TestImages.encode(indexed, format));
            for (int i = 0; i < 4; i++) {
                assertThat(bgrAt(decoded, i * 4 + 1, 1)).as(format + " index " + i)
                        .containsExactly(b[i] & 0xFF, g[i] & 0xFF, r[i] & 0xFF);
            }
        }
    }

    @Test
    void aTransparentPaletteEntryBecomesWhite() {
        byte[] r = new byte[256];
        byte[] alpha = new byte[256];
        Arrays.fill(alpha, (byte) 255);
        alpha[0] = 0;       // index 0: transparent black
        r[1] = (byte) 255;  // index 1: opaque red
        BufferedImage indexed = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 256, r, new byte[256], new byte[256], alpha));
        for (int x = 8; x < 16; x++) for (int y = 0; y < 16; y++) indexed.getRaster().setSample(x, y, 0, 1);

        DecodedImage decoded = ImageDecoder.decode(TestImages.encode(indexed, "png")); // written with a tRNS chunk

        assertThat(bgrAt(decoded, 2, 2)).containsExactly(255, 255, 255);
        assertThat(bgrAt(decoded, 10, 2)).containsExactly(0, 0, 255);
    }

    @Test
    void grayscaleJpegBecomesGrayBgr() {
        BufferedImage gray = new BufferedImage(64, 32, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        g.setColor(new Color(90, 90, 90));
        g.fillRect(0, 0, 64, 32);
        g.dispose();

        DecodedImage decoded = ImageDecoder.decode(TestImages.encode(gray, "jpeg"));

        assertThat(decoded.format()).isEqualTo(ImageFormat.JPEG);
        for (int v : bgrAt(decoded, 30, 15)) assertThat(v).isBetween(88, 92);
    }

    // ---- EXIF orientation ------------------------------------------------------------------

    /** Source 40x20 with a red block at the top-left and a green one at the top-right. */
    private static BufferedImage marked() {
        BufferedImage image = BgrImages.create(40, 20);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, 40, 20);
        g.setColor(Color.RED);
        g.fillRect(0, 0, 8, 8);
        g.setColor(Color.GREEN);
        g.fillRect(32, 0, 8, 8);
        g.dispose();
        return image;
    }

    /**
     * Where the source's top-left (red) and top-right (green) corners must appear once upright, per
     * the EXIF definition of each orientation (TL, TR, BL, BR = corners of the displayed image).
     */
    static Stream<Arguments> orientations() {
        return Stream.of(
                Arguments.of(1, "TL", "TR"), Arguments.of(2, "TR", "TL"),
                Arguments.of(3, "BR", "BL"), Arguments.of(4, "BL", "BR"),
                Arguments.of(5, "TL", "BL"), Arguments.of(6, "TR", "BR"),
                Arguments.of(7, "BR", "TR"), Arguments.of(8, "BL", "TL"));
    }

    @ParameterizedTest(name = "orientation {0}")
    @MethodSource("orientations")
    void pngExifOrientationIsApplied(int orientation, String red, String green) {
        byte[] png = withPngExif(TestImages.encode(marked(), "png"), orientation);

        DecodedImage decoded = ImageDecoder.decode(png);

        assertUpright(decoded, orientation, red, green, 0);
    }

    @Test
    void jpegExifOrientationSixIsRotatedClockwise() {
        byte[] jpeg = withJpegExif(TestImages.encode(marked(), "jpeg"), 6);

        DecodedImage decoded = ImageDecoder.decode(jpeg);

        assertUpright(decoded, 6, "TR", "BR", 40);
    }

    @Test
    void tiffOrientationIsAppliedOnce() throws IOException {
        // TwelveMonkeys' TIFF reader leaves the Orientation tag to the caller: it must be applied exactly once
        DecodedImage decoded = ImageDecoder.decode(ImageCodecs.tiffWithOrientation(marked(), 6));

        assertThat(decoded.format()).isEqualTo(ImageFormat.TIFF);
        assertUpright(decoded, 6, "TR", "BR", 0);
    }

    @Test
    void webpExifOrientationIsApplied(@TempDir Path dir) throws Exception {
        Path jpeg = dir.resolve("rotated.jpg");
        Files.write(jpeg, withJpegExif(TestImages.encode(marked(), "jpeg"), 8));

        DecodedImage decoded = ImageDecoder.decode(ImageCodecs.cwebp(jpeg, dir, "-q", "95", "-metadata", "exif"));

        assertThat(decoded.format()).isEqualTo(ImageFormat.WEBP);
        assertUpright(decoded, 8, "BL", "TL", 40);
    }

    @Test
    void aPhotoWithOrientationSixIsTurnedUpright() {
        TestImages.Photo chelsea = TestImages.photo("chelsea.png");
        DecodedImage upright = ImageDecoder.decode(chelsea.bytes());

        DecodedImage rotated = ImageDecoder.decode(withPngExif(chelsea.bytes(), 6));

        assertThat(rotated.width()).isEqualTo(upright.height());
        assertThat(rotated.height()).isEqualTo(upright.width());
        // orientation 6: displayed (x, y) = stored (y, h - 1 - x)
        int h = upright.height();
        for (int[] p : new int[][] {{0, 0}, {17, 230}, {h - 1, upright.width() - 1}, {150, 5}}) {
            assertThat(bgrAt(rotated, p[0], p[1])).isEqualTo(bgrAt(upright, p[1], h - 1 - p[0]));
        }
    }

    @Test
    void unreadableExifLeavesTheImageAsStored() {
        byte[] png = withPngExif(TestImages.encode(marked(), "png"), 6);
        // break the TIFF header inside eXIf ("MM" -> "XX"); the chunk is at offset 33
        png[33 + 8] = 'X';
        png[33 + 9] = 'X';

        DecodedImage decoded = ImageDecoder.decode(png);

        assertThat(decoded.orientation()).isEqualTo(1);
        assertThat(decoded.width()).isEqualTo(40);
    }

    private static void assertUpright(DecodedImage decoded, int orientation, String red, String green, int tolerance) {
        assertThat(decoded.orientation()).isEqualTo(orientation);
        boolean transposed = orientation >= 5;
        assertThat(decoded.width()).isEqualTo(transposed ? 20 : 40);
        assertThat(decoded.height()).isEqualTo(transposed ? 40 : 20);
        assertColour(decoded, red, new int[] {0, 0, 255}, tolerance);
        assertColour(decoded, green, new int[] {0, 255, 0}, tolerance);
    }

    private static void assertColour(DecodedImage d, String corner, int[] bgr, int tolerance) {
        int x = corner.charAt(1) == 'L' ? 3 : d.width() - 4;
        int y = corner.charAt(0) == 'T' ? 3 : d.height() - 4;
        int[] actual = bgrAt(d, x, y);
        for (int c = 0; c < 3; c++) {
            assertThat(actual[c]).as("channel %d at %s (%d,%d): %s", c, corner, x, y, Arrays.toString(actual))
                    .isCloseTo(bgr[c], within(tolerance));
        }
    }

    // ---- bad input ---------------------------------------------------------------------------

    @Test
    void emptyBodyIsRefused() {
        assertProblem(() -> ImageDecoder.decode(new byte[0]), 400, "empty_body");
        assertProblem(() -> ImageDecoder.decode(null), 400, "empty_body");
    }

    @Test
    void randomBytesAreNotAnImage() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        noise[0] = 0x17; // not by chance a JPEG/PNG/BMP/TIFF signature

        Problem problem = assertProblem(() -> ImageDecoder.decode(noise), 415, "unsupported_image_format");

        assertThat(problem.detail()).contains("JPEG, PNG, WebP, BMP, TIFF");
        assertThat(problem.extensions().get("acceptedFormats")).asList().contains("image/jpeg", "image/webp");
    }

    @Test
    void aTextFileIsNotAnImage() {
        byte[] text = "BMW sales rose 4% in March.\nName,Age\nKim,41\n".getBytes(StandardCharsets.UTF_8);

        assertProblem(() -> ImageDecoder.decode(text), 415, "unsupported_image_format");
    }

    @Test
    void gifIsNamedButNotAccepted() throws IOException {
        BufferedImage image = BgrImages.create(32, 32);
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(image, "gif", gif);

        Problem problem = assertProblem(() -> ImageDecoder.decode(gif.toByteArray()), 415, "unsupported_image_format");

        assertThat(problem.detail()).contains("looks like GIF");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jpeg", "png", "bmp", "tiff"})
    void truncatedImagesAreInvalid(String format) {
        byte[] whole = TestImages.encode(busy(256, 256), format);
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

        Problem problem = assertProblem(() -> ImageDecoder.decode(truncated), 422, "invalid_image");

        assertThat(problem.detail()).contains("cannot be decoded");
    }

    @Test
    void truncatedWebpIsInvalid(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("busy.png");
        Files.write(png, TestImages.encode(busy(256, 256), "png"));
        byte[] whole = ImageCodecs.cwebp(png, dir, "-q", "80");

        assertProblem(() -> ImageDecoder.decode(Arrays.copyOf(whole, whole.length / 2)), 422, "invalid_image");
    }

    @Test
    void corruptImageDataIsInvalid() {
        byte[] png = TestImages.encode(marked(), "png");
        byte[] corrupt = Arrays.copyOf(png, png.length);
        // keep the signature and IHDR (33 bytes), scramble the rest
        Random random = new Random(7);
        for (int i = 33; i < corrupt.length; i++) corrupt[i] = (byte) random.nextInt();

        assertProblem(() -> ImageDecoder.decode(corrupt), 422, "invalid_image");
    }

    @Test
    void aPngDeclaringSixtyThousandSquaredIsRefusedBeforeDecoding() {
        byte[] bomb = ImageCodecs.pngHeaderOnly(60_000, 60_000);
        assertThat(bomb.length).isLessThan(100);

        long before = allocatedBytes();
        Problem problem = assertProblem(() -> ImageDecoder.decode(bomb), 413, "image_too_large");
        long allocated = allocatedBytes() - before;

        assertThat(problem.extensions()).containsEntry("width", 60_000).containsEntry("height", 60_000);
        assertThat(problem.detail()).contains("60000x60000", "40 megapixels");
        // decoding would need 10.8 GB for the pixels alone
        assertThat(allocated).as("bytes allocated while refusing").isLessThan(16L << 20);
    }

    @Test
    void aJpegDeclaringHugeDimensionsIsRefused() {
        byte[] jpeg = ImageCodecs.withJpegSize(TestImages.encode(marked(), "jpeg"), 60_000, 60_000);

        long before = allocatedBytes();
        assertProblem(() -> ImageDecoder.decode(jpeg), 413, "image_too_large");
        assertThat(allocatedBytes() - before).isLessThan(16L << 20);
    }

    @Test
    void aRunLengthBmpDeclaringHugeDimensionsIsRefused() throws IOException {
        // Uncompressed BMP cannot declare more pixels than it holds (the JDK reader checks); RLE can.
        byte[] bmp = ImageCodecs.bmpRle8(new BufferedImage(40, 20, BufferedImage.TYPE_BYTE_INDEXED));
        // 400 megapixels (the JDK reader itself rejects 2^31 pixels and more)
        ImageCodecs.putIntLittleEndian(bmp, 18, 20_000); // BITMAPINFOHEADER width
        ImageCodecs.putIntLittleEndian(bmp, 22, 20_000); // height

        long before = allocatedBytes();
        assertProblem(() -> ImageDecoder.decode(bmp), 413, "image_too_large");
        assertThat(allocatedBytes() - before).isLessThan(16L << 20);
    }

    @Test
    void limitsAreConfigurable() {
        byte[] png = TestImages.encode(BgrImages.create(512, 512), "png");

        assertProblem(() -> ImageDecoder.decode(png, new ImageLimits(200_000, 16_384, 16)), 413, "image_too_large");
        assertProblem(() -> ImageDecoder.decode(png, new ImageLimits(40_000_000, 500, 16)), 413, "image_too_large");
        assertThat(ImageDecoder.decode(png, new ImageLimits(262_144, 512, 512)).width()).isEqualTo(512);
    }

    @Test
    void tinyImagesAreRefused() {
        byte[] png = TestImages.encode(BgrImages.create(8, 40), "png");

        Problem problem = assertProblem(() -> ImageDecoder.decode(png), 422, "image_too_small");

        assertThat(problem.detail()).contains("8x40", "at least 16");
    }

    @Test
    void limitsCheckEachBound() {
        ImageLimits limits = ImageLimits.DEFAULTS;
        limits.check(16, 16);
        limits.check(16_384, 2_441);
        assertThatThrownBy(() -> limits.check(16_385, 100)).hasFieldOrPropertyWithValue("code", "image_too_large");
        assertThatThrownBy(() -> limits.check(8_000, 5_001)).hasFieldOrPropertyWithValue("code", "image_too_large");
        assertThatThrownBy(() -> limits.check(15, 100)).hasFieldOrPropertyWithValue("code", "image_too_small");
        assertThatThrownBy(() -> new ImageLimits(100, 10, 20)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** Noise over a gradient: compresses poorly, so half of any encoding is well inside the pixel data. */
    private static BufferedImage busy(int w, int h) {
        BufferedImage image = BgrImages.create(w, h);
        byte[] p = BgrImages.pixels(image);
        Random random = new Random(3);
        for (int i = 0; i < p.length; i++) p[i] = (byte) ((i / 3 % w) / 2 + random.nextInt(64));
        return image;
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    static int[] bgrAt(DecodedImage image, int x, int y) {
        byte[] p = image.bgr();
        int i = (y * image.width() + x) * 3;
        return new int[] {p[i] & 0xFF, p[i + 1] & 0xFF, p[i + 2] & 0xFF};
    }

    /** B,G,R bytes from a reference raster of 3 (R,G,B) or 1 (gray) bands. */
    private static byte[] bgrOf(Raster raster) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        byte[] out = new byte[w * h * 3];
        int[] px = new int[raster.getNumBands()];
        for (int y = 0, o = 0; y < h; y++) {
            for (int x = 0; x < w; x++, o += 3) {
                raster.getPixel(x, y, px);
                boolean gray = px.length == 1;
                out[o] = (byte) px[gray ? 0 : 2];
                out[o + 1] = (byte) px[gray ? 0 : 1];
                out[o + 2] = (byte) px[0];
            }
        }
        return out;
    }

    private static double meanAbsoluteDifference(byte[] a, byte[] b) {
        assertThat(a).hasSameSizeAs(b);
        long sum = 0;
        for (int i = 0; i < a.length; i++) sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        return (double) sum / a.length;
    }
}
