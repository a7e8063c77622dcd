package io.gureum.vision.image;

import io.gureum.vision.image.TensorFormat.Channels;
import io.gureum.vision.image.TensorFormat.Layout;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ImageTensorsTest {

    // ---- resize ------------------------------------------------------------------------------

    @Test
    void resizeToTheSameSizeIsAnExactCopy() {
        BufferedImage src = noise(37, 23, 1);

        assertThat(pixels(ImageTensors.resize(src, 37, 23))).isEqualTo(pixels(src));
    }

    @Test
    void upscalingInterpolatesWithHalfPixelCentres() {
        BufferedImage src = BgrImages.create(2, 1);
        set(src, 0, 0, 0x000000);
        set(src, 1, 0, 0xFFFFFF);

        BufferedImage out = ImageTensors.resize(src, 4, 1);

        // source x = (x + 0.5) / 2 - 0.5 = -0.25 (clamped), 0.25, 0.75, 1.25 (clamped)
        assertThat(red(out, 0, 0)).isEqualTo(0);
        assertThat(red(out, 1, 0)).isEqualTo(64);   // 63.75
        assertThat(red(out, 2, 0)).isEqualTo(191);  // 191.25
        assertThat(red(out, 3, 0)).isEqualTo(255);
    }

    @Test
    void bilinearInBothDirections() {
        // 2x2: 0 and 100 on top, 200 and 40 below; the centre of a 3x3 output samples (0.5, 0.5)
        BufferedImage src = BgrImages.create(2, 2);
        set(src, 0, 0, gray(0));
        set(src, 1, 0, gray(100));
        set(src, 0, 1, gray(200));
        set(src, 1, 1, gray(40));

        BufferedImage out = ImageTensors.resize(src, 3, 3);

        assertThat(red(out, 1, 1)).isEqualTo(85); // (0 + 100 + 200 + 40) / 4
        assertThat(red(out, 0, 0)).isEqualTo(0);
        assertThat(red(out, 2, 2)).isEqualTo(40);
    }

    @Test
    void downscalingAHorizontalRampKeepsItLinear() {
        BufferedImage ramp = BgrImages.create(256, 8);
        for (int x = 0; x < 256; x++) for (int y = 0; y < 8; y++) set(ramp, x, y, gray(x));

        BufferedImage out = ImageTensors.resize(ramp, 64, 2);

        // output x samples source x = (x + 0.5) * 4 - 0.5 = 4x + 1.5
        for (int x = 0; x < 64; x++) {
            assertThat((double) red(out, x, 0)).isCloseTo(4 * x + 1.5, within(0.5));
            assertThat(red(out, x, 1)).isEqualTo(red(out, x, 0));
        }
    }

    @Test
    void aFlatColourStaysExactlyFlatAtAnyScale() {
        BufferedImage flat = BgrImages.create(97, 61);
        BgrImages.fill(pixels(flat), 0, 97 * 61, 0x3A7FC1);

        for (int[] size : new int[][] {{13, 7}, {300, 211}, {97, 1}, {1, 1}}) {
            BufferedImage out = ImageTensors.resize(flat, size[0], size[1]);
            for (int x = 0; x < size[0]; x++) for (int y = 0; y < size[1]; y++) {
                assertThat(out.getRGB(x, y) & 0xFFFFFF).isEqualTo(0x3A7FC1);
            }
        }
    }

    @Test
    void resizeIntoAReusedImageMatchesANewOne() {
        BufferedImage src = noise(120, 80, 2);
        BufferedImage reused = BgrImages.create(50, 30);
        ImageTensors.resize(noise(60, 60, 3), reused); // dirty it first

        assertThat(pixels(ImageTensors.resize(src, reused))).isEqualTo(pixels(ImageTensors.resize(src, 50, 30)));
    }

    @Test
    void aRealPhotoShrinksToTheRequestedSize() {
        DecodedImage astronaut = ImageDecoder.decode(TestImages.photo("astronaut.png").bytes());

        BufferedImage small = ImageTensors.resize(astronaut.image(), 128, 96);
        BufferedImage back = ImageTensors.resize(small, 512, 512);

        assertThat(small.getWidth()).isEqualTo(128);
        assertThat(small.getHeight()).isEqualTo(96);
        assertThat(meanAbsoluteDifference(pixels(back), astronaut.bgr())).isLessThan(25);
    }

    // ---- crop ----------------------------------------------------------------------------------

    @Test
    void cropInsideCopiesTheRegion() {
        BufferedImage src = noise(40, 30, 4);

        BufferedImage crop = ImageTensors.crop(src, 5, 7, 20, 10, 0);

        for (int x = 0; x < 20; x++) for (int y = 0; y < 10; y++) {
            assertThat(crop.getRGB(x, y)).isEqualTo(src.getRGB(x + 5, y + 7));
        }
    }

    @Test
    void cropReachingOutsideIsPadded() {
        BufferedImage src = noise(40, 30, 5);

        BufferedImage crop = ImageTensors.crop(src, -10, 20, 30, 20, 0x102030);

        for (int x = 0; x < 30; x++) for (int y = 0; y < 20; y++) {
            int sx = x - 10;
            int sy = y + 20;
            int expected = sx >= 0 && sy < 30 ? src.getRGB(sx, sy) : 0xFF102030;
            assertThat(crop.getRGB(x, y)).as("(%d,%d)", x, y).isEqualTo(expected);
        }
    }

    @Test
    void cropEntirelyOutsideIsAllPadding() {
        BufferedImage crop = ImageTensors.crop(noise(10, 10, 6), 50, 50, 4, 4, 0x808080);

        for (int x = 0; x < 4; x++) for (int y = 0; y < 4; y++) assertThat(crop.getRGB(x, y)).isEqualTo(0xFF808080);
    }

    // ---- letterbox ---------------------------------------------------------------------------

    @Test
    void aWideImageIsLetterboxedTopAndBottom() {
        // 200x100: left half red, right half blue
        BufferedImage src = BgrImages.create(200, 100);
        for (int y = 0; y < 100; y++) {
            BgrImages.fill(pixels(src), y * 200, y * 200 + 100, 0xFF0000);
            BgrImages.fill(pixels(src), y * 200 + 100, y * 200 + 200, 0x0000FF);
        }

        Letterbox box = ImageTensors.letterbox(src, 64, 64, 0x727272);

        assertThat(box.offsetX()).isZero();
        assertThat(box.offsetY()).isEqualTo(16);
        assertThat(box.contentWidth()).isEqualTo(64);
        assertThat(box.contentHeight()).isEqualTo(32);
        BufferedImage out = box.image();
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 64; y++) {
                int expected = y < 16 || y >= 48 ? 0x727272 : x < 31 ? 0xFF0000 : x > 32 ? 0x0000FF : -1;
                if (expected >= 0) assertThat(out.getRGB(x, y) & 0xFFFFFF).as("(%d,%d)", x, y).isEqualTo(expected);
            }
        }
        assertThat(box.toSourceX(0)).isEqualTo(0);
        assertThat(box.toSourceX(64)).isEqualTo(200);
        assertThat(box.toSourceY(16)).isEqualTo(0);
        assertThat(box.toSourceY(48)).isEqualTo(100);
        assertThat(box.toSourceY(32)).isEqualTo(50);
    }

    @Test
    void aTallImageIsLetterboxedLeftAndRight() {
        BufferedImage src = BgrImages.create(100, 300);
        BgrImages.fill(pixels(src), 0, 100 * 300, 0x00FF00);
        BufferedImage reused = BgrImages.create(90, 90);

        Letterbox box = ImageTensors.letterbox(src, reused, 0x000000);

        assertThat(box.image()).isSameAs(reused);
        assertThat(box.contentWidth()).isEqualTo(30);
        assertThat(box.contentHeight()).isEqualTo(90);
        assertThat(box.offsetX()).isEqualTo(30);
        assertThat(reused.getRGB(29, 45) & 0xFFFFFF).isZero();
        assertThat(reused.getRGB(30, 45) & 0xFFFFFF).isEqualTo(0x00FF00);
        assertThat(reused.getRGB(59, 45) & 0xFFFFFF).isEqualTo(0x00FF00);
        assertThat(reused.getRGB(60, 45) & 0xFFFFFF).isZero();
        assertThat(box.toSourceX(45)).isEqualTo(50);
    }

    // ---- tensors ------------------------------------------------------------------------------

    /** 2x2 with distinct channels: pixel i has R = 10 + i, G = 100 + i, B = 200 + i. */
    private static BufferedImage fourPixels() {
        BufferedImage image = BgrImages.create(2, 2);
        for (int i = 0; i < 4; i++) set(image, i % 2, i / 2, (10 + i) << 16 | (100 + i) << 8 | (200 + i));
        return image;
    }

    @Test
    void nhwcRgbInterleavesChannelsPerPixel() {
        float[] t = ImageTensors.toTensor(fourPixels(), new TensorFormat(Layout.NHWC, Channels.RGB, Normalization.NONE));

        assertThat(t).containsExactly(10, 100, 200, 11, 101, 201, 12, 102, 202, 13, 103, 203);
    }

    @Test
    void nchwBgrWritesOnePlanePerChannel() {
        float[] t = ImageTensors.toTensor(fourPixels(), new TensorFormat(Layout.NCHW, Channels.BGR, Normalization.NONE));

        assertThat(t).containsExactly(200, 201, 202, 203, 100, 101, 102, 103, 10, 11, 12, 13);
    }

    @Test
    void normalisationPresets() {
        BufferedImage image = BgrImages.create(3, 1);
        set(image, 0, 0, 0x000000);
        set(image, 1, 0, 0xFFFFFF);
        set(image, 2, 0, 0x7F7F7F);
        TensorFormat unit = new TensorFormat(Layout.NCHW, Channels.RGB, Normalization.UNIT);
        TensorFormat symmetric = new TensorFormat(Layout.NCHW, Channels.RGB, Normalization.SYMMETRIC);

        assertThat(ImageTensors.toTensor(image, unit)[1]).isEqualTo(1f);
        assertThat(ImageTensors.toTensor(image, symmetric)[0]).isEqualTo(-1f);
        assertThat(ImageTensors.toTensor(image, symmetric)[1]).isEqualTo(1f);
        assertThat(ImageTensors.toTensor(image, symmetric)[2]).isCloseTo(-0.0039f, within(1e-4f));
    }

    @Test
    void imagenetMeansFollowTheColourNotThePosition() {
        BufferedImage image = BgrImages.create(1, 1);
        set(image, 0, 0, 0xFF8000); // R 255, G 128, B 0

        float[] rgb = ImageTensors.toTensor(image, new TensorFormat(Layout.NHWC, Channels.RGB, Normalization.IMAGENET));
        float[] bgr = ImageTensors.toTensor(image, new TensorFormat(Layout.NHWC, Channels.BGR, Normalization.IMAGENET));

        float r = (1f - 0.485f) / 0.229f;
        float g = (128 / 255f - 0.456f) / 0.224f;
        float b = (0f - 0.406f) / 0.225f;
        assertThat(rgb).containsExactly(new float[] {r, g, b}, within(1e-4f));
        assertThat(bgr).containsExactly(new float[] {b, g, r}, within(1e-4f));
    }

    @Test
    void grayUsesBt601Luma() {
        BufferedImage image = BgrImages.create(3, 1);
        set(image, 0, 0, 0xFF0000);
        set(image, 1, 0, 0x00FF00);
        set(image, 2, 0, 0x0000FF);
        TensorFormat gray = new TensorFormat(Layout.NHWC, Channels.GRAY, Normalization.UNIT);

        assertThat(ImageTensors.toTensor(image, gray)).containsExactly(new float[] {0.299f, 0.587f, 0.114f}, within(1e-5f));
        assertThat(gray.shape(1, 3, 1)).containsExactly(1, 1, 3, 1);
        assertThatThrownBy(() -> new TensorFormat(Layout.NHWC, Channels.GRAY, Normalization.IMAGENET))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void batchesWriteAtTheirOffset() {
        TensorFormat format = new TensorFormat(Layout.NCHW, Channels.RGB, Normalization.UNIT);
        BufferedImage a = noise(8, 6, 7);
        BufferedImage b = noise(8, 6, 8);
        int size = format.size(8, 6);
        float[] batch = new float[2 * size];

        ImageTensors.toTensor(a, format, batch, 0);
        ImageTensors.toTensor(b, format, batch, size);

        float[] second = new float[size];
        System.arraycopy(batch, size, second, 0, size);
        assertThat(second).containsExactly(ImageTensors.toTensor(b, format));
        assertThat(format.shape(2, 8, 6)).containsExactly(2, 3, 6, 8);
        assertThatThrownBy(() -> ImageTensors.toTensor(a, format, batch, size + 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aDirectFloatBufferGetsTheSameValues() {
        BufferedImage image = noise(17, 9, 9);
        for (Layout layout : Layout.values()) {
            for (Channels channels : Channels.values()) {
                TensorFormat format = new TensorFormat(layout, channels, Normalization.SYMMETRIC);
                int size = format.size(17, 9);
                FloatBuffer buffer = ByteBuffer.allocateDirect(4 * (size + 5)).order(ByteOrder.nativeOrder()).asFloatBuffer();
                buffer.position(5);

                ImageTensors.toTensor(image, format, buffer);

                assertThat(buffer.position()).isEqualTo(5 + size);
                float[] written = new float[size];
                buffer.get(5, written);
                assertThat(written).as(format.toString()).containsExactly(ImageTensors.toTensor(image, format));
            }
        }
    }

    @Test
    void onlyPackedBgrImagesAreAccepted() {
        BufferedImage argb = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);

        assertThatThrownBy(() -> ImageTensors.resize(argb, 2, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BgrImages.toBgr");
        BufferedImage bgr = BgrImages.create(4, 4);
        assertThat(BgrImages.toBgr(bgr)).isSameAs(bgr);
        assertThat(BgrImages.isPackedBgr(bgr.getSubimage(1, 1, 2, 2))).isFalse();
        assertThat(BgrImages.isPackedBgr(BgrImages.toBgr(bgr.getSubimage(1, 1, 2, 2)))).isTrue();
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static BufferedImage noise(int w, int h, long seed) {
        BufferedImage image = BgrImages.create(w, h);
        new Random(seed).nextBytes(pixels(image));
        return image;
    }

    private static byte[] pixels(BufferedImage image) {
        return BgrImages.pixels(image);
    }

    private static void set(BufferedImage image, int x, int y, int rgb) {
        int i = (y * image.getWidth() + x) * 3;
        BgrImages.fill(pixels(image), i / 3, i / 3 + 1, rgb);
    }

    private static int gray(int v) {
        return v << 16 | v << 8 | v;
    }

    private static int red(BufferedImage image, int x, int y) {
        return pixels(image)[(y * image.getWidth() + x) * 3 + 2] & 0xFF;
    }

    private static double meanAbsoluteDifference(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        return (double) sum / a.length;
    }
}
