package io.gureum.vision.image;

import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.util.Objects;

/**
 * Geometry and tensor conversion for model inputs, on packed BGR images ({@link BgrImages}).
 * Everything works on the raster's byte array directly (never per-pixel {@code getRGB}), and every
 * operation has a form that writes into a caller's image or array, so a hot loop can reuse buffers.
 * Stateless and thread-safe.
 */
public final class ImageTensors {
    /** Bilinear weights are fixed-point with this many fraction bits: two weight products still fit an int. */
    private static final int FRACTION_BITS = 11;
    private static final int ONE = 1 << FRACTION_BITS;
    private static final int ROUND = 1 << (2 * FRACTION_BITS - 1);

    private ImageTensors() {}

    /** A bilinear resize into a new image. */
    public static BufferedImage resize(BufferedImage src, int width, int height) {
        return resize(src, BgrImages.create(width, height));
    }

    /**
     * A bilinear resize of {@code src} to fill {@code dst} (reused), with half-pixel centres as OpenCV's
     * {@code INTER_LINEAR} and {@code tf.image.resize}. Like them it does not low-pass filter, so large
     * reductions alias; models trained on such resizes expect that.
     *
     * @return {@code dst}
     */
    public static BufferedImage resize(BufferedImage src, BufferedImage dst) {
        if (src == dst) throw new IllegalArgumentException("src and dst must be different images");
        resample(BgrImages.pixels(src), src.getWidth(), src.getHeight(),
                BgrImages.pixels(dst), dst.getWidth(), 0, 0, dst.getWidth(), dst.getHeight());
        return dst;
    }

    /**
     * The rectangle at ({@code x}, {@code y}) of the given size, which may reach outside the source
     * (e.g. a face box widened by a margin at the image edge): outside parts are {@code padRgb}.
     *
     * @param padRgb colour as {@code 0xRRGGBB}
     */
    public static BufferedImage crop(BufferedImage src, int x, int y, int width, int height, int padRgb) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("crop size must be positive: " + width + "x" + height);
        byte[] s = BgrImages.pixels(src);
        int sw = src.getWidth();
        BufferedImage dst = BgrImages.create(width, height);
        byte[] d = BgrImages.pixels(dst);
        long right = (long) x + width;
        long bottom = (long) y + height;
        int x0 = Math.max(x, 0);
        int y0 = Math.max(y, 0);
        int x1 = (int) Math.min(right, sw);
        int y1 = (int) Math.min(bottom, src.getHeight());
        boolean inside = x0 == x && y0 == y && x1 == right && y1 == bottom;
        if (!inside) BgrImages.fill(d, 0, width * height, padRgb);
        if (x0 < x1 && y0 < y1) {
            int rowBytes = (x1 - x0) * 3;
            for (int sy = y0; sy < y1; sy++) {
                System.arraycopy(s, (sy * sw + x0) * 3, d, ((sy - y) * width + (x0 - x)) * 3, rowBytes);
            }
        }
        return dst;
    }

    /** Fits {@code src} into a new {@code width x height} image, keeping the aspect ratio, centred, padded with {@code padRgb}. */
    public static Letterbox letterbox(BufferedImage src, int width, int height, int padRgb) {
        return letterbox(src, BgrImages.create(width, height), padRgb);
    }

    /** As {@link #letterbox(BufferedImage, int, int, int)}, into {@code dst} (reused). */
    public static Letterbox letterbox(BufferedImage src, BufferedImage dst, int padRgb) {
        if (src == dst) throw new IllegalArgumentException("src and dst must be different images");
        int sw = src.getWidth();
        int sh = src.getHeight();
        int dw = dst.getWidth();
        int dh = dst.getHeight();
        double scale = Math.min((double) dw / sw, (double) dh / sh);
        int cw = Math.max(1, Math.min(dw, (int) Math.round(sw * scale)));
        int ch = Math.max(1, Math.min(dh, (int) Math.round(sh * scale)));
        int ox = (dw - cw) / 2;
        int oy = (dh - ch) / 2;
        byte[] d = BgrImages.pixels(dst);
        BgrImages.fill(d, 0, dw * dh, padRgb);
        resample(BgrImages.pixels(src), sw, sh, d, dw, ox, oy, cw, ch);
        return new Letterbox(dst, ox, oy, cw, ch, sw, sh);
    }

    /**
     * Samples {@code src} through an affine map into a new {@code width x height} image, bilinearly:
     * destination pixel centre (x, y) reads the source at {@code (m[0] x + m[1] y + m[2], m[3] x + m[4] y + m[5])}.
     * Pixels mapping outside the source are {@code padRgb}. This is how an aligned face crop is cut out.
     *
     * @param destinationToSource row-major 2x3 matrix from destination to source pixel coordinates
     */
    public static BufferedImage warpAffine(BufferedImage src, double[] destinationToSource, int width, int height, int padRgb) {
        if (destinationToSource.length != 6) throw new IllegalArgumentException("the matrix needs 6 values");
        byte[] s = BgrImages.pixels(src);
        int sw = src.getWidth();
        int sh = src.getHeight();
        BufferedImage dst = BgrImages.create(width, height);
        byte[] d = BgrImages.pixels(dst);
        byte pb = (byte) (padRgb & 0xFF), pg = (byte) ((padRgb >> 8) & 0xFF), pr = (byte) ((padRgb >> 16) & 0xFF);
        double[] m = destinationToSource;
        int o = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++, o += 3) {
                // pixel centres: destination (x + 0.5, y + 0.5) maps to a source centre-based position
                double sx = m[0] * (x + 0.5) + m[1] * (y + 0.5) + m[2] - 0.5;
                double sy = m[3] * (x + 0.5) + m[4] * (y + 0.5) + m[5] - 0.5;
                if (sx < -1 || sy < -1 || sx > sw || sy > sh) {
                    d[o] = pb;
                    d[o + 1] = pg;
                    d[o + 2] = pr;
                    continue;
                }
                int x0 = (int) Math.floor(sx), y0 = (int) Math.floor(sy);
                double fx = sx - x0, fy = sy - y0;
                int xa = Math.max(0, Math.min(sw - 1, x0)), xb = Math.max(0, Math.min(sw - 1, x0 + 1));
                int ya = Math.max(0, Math.min(sh - 1, y0)), yb = Math.max(0, Math.min(sh - 1, y0 + 1));
                int tl = (ya * sw + xa) * 3, tr = (ya * sw + xb) * 3, bl = (yb * sw + xa) * 3, br = (yb * sw + xb) * 3;
                for (int k = 0; k < 3; k++) {
                    double top = (s[tl + k] & 0xFF) * (1 - fx) + (s[tr + k] & 0xFF) * fx;
                    double bottom = (s[bl + k] & 0xFF) * (1 - fx) + (s[br + k] & 0xFF) * fx;
                    d[o + k] = (byte) (int) Math.round(top * (1 - fy) + bottom * fy);
                }
            }
        }
        return dst;
    }

    /** The image as a new float tensor of one image ({@code N = 1}), per {@code format}. */
    public static float[] toTensor(BufferedImage image, TensorFormat format) {
        float[] out = new float[format.size(image.getWidth(), image.getHeight())];
        toTensor(image, format, out, 0);
        return out;
    }

    /**
     * Writes the image into {@code dst} from {@code offset}: for a batch, image {@code i} goes at
     * {@code i * format.size(w, h)}.
     */
    public static void toTensor(BufferedImage image, TensorFormat format, float[] dst, int offset) {
        byte[] px = BgrImages.pixels(image);
        int w = image.getWidth();
        int h = image.getHeight();
        int c = format.channels().count();
        Objects.checkFromIndexSize(offset, format.size(w, h), dst.length);
        boolean nhwc = format.layout() == TensorFormat.Layout.NHWC;
        int plane = w * h;
        for (int y = 0; y < h; y++) {
            if (nhwc) writeRow(px, y * w * 3, w, format, dst, offset + y * w * c, 1, c);
            else writeRow(px, y * w * 3, w, format, dst, offset + y * w, plane, 1);
        }
    }

    /**
     * Writes the image into {@code dst} at its position and advances the position past it: with a direct
     * buffer in native order, ONNX Runtime uses the memory without a copy. One row of scratch is allocated.
     */
    public static void toTensor(BufferedImage image, TensorFormat format, FloatBuffer dst) {
        byte[] px = BgrImages.pixels(image);
        int w = image.getWidth();
        int h = image.getHeight();
        int c = format.channels().count();
        int size = format.size(w, h);
        int start = dst.position();
        if (dst.remaining() < size) {
            throw new IllegalArgumentException("buffer has " + dst.remaining() + " floats left, the image needs " + size);
        }
        boolean nhwc = format.layout() == TensorFormat.Layout.NHWC;
        int plane = w * h;
        float[] row = new float[w * c];
        for (int y = 0; y < h; y++) {
            if (nhwc) {
                writeRow(px, y * w * 3, w, format, row, 0, 1, c);
                dst.put(start + y * w * c, row, 0, w * c);
            } else {
                writeRow(px, y * w * 3, w, format, row, 0, w, 1);
                for (int k = 0; k < c; k++) dst.put(start + k * plane + y * w, row, k * w, w);
            }
        }
        dst.position(start + size);
    }

    /**
     * One image row into {@code dst}: channel {@code k} of pixel {@code x} goes to
     * {@code base + k * channelStride + x * pixelStride}, which covers NHWC (1, c) and NCHW (plane, 1).
     */
    private static void writeRow(byte[] px, int p, int w, TensorFormat format, float[] dst,
                                 int base, int channelStride, int pixelStride) {
        Normalization n = format.normalization();
        switch (format.channels()) {
            case GRAY -> {
                for (int x = 0, o = base; x < w; x++, p += 3, o += pixelStride) {
                    float luma = 0.114f * (px[p] & 0xFF) + 0.587f * (px[p + 1] & 0xFF) + 0.299f * (px[p + 2] & 0xFF);
                    dst[o] = n.apply(luma, 0);
                }
            }
            case RGB, BGR -> {
                boolean rgb = format.channels() == TensorFormat.Channels.RGB;
                float[] tr = n.table(0);
                float[] tg = n.table(1);
                float[] tb = n.table(2);
                int or = base + (rgb ? 0 : 2) * channelStride;
                int og = base + channelStride;
                int ob = base + (rgb ? 2 : 0) * channelStride;
                for (int x = 0; x < w; x++, p += 3, or += pixelStride, og += pixelStride, ob += pixelStride) {
                    dst[ob] = tb[px[p] & 0xFF];
                    dst[og] = tg[px[p + 1] & 0xFF];
                    dst[or] = tr[px[p + 2] & 0xFF];
                }
            }
        }
    }

    /**
     * Bilinear resampling of the whole source into the {@code dw x dh} rectangle at ({@code dx0}, {@code dy0})
     * of a destination {@code dStride} pixels wide. Source positions use half-pixel centres, clamped at the edges.
     */
    private static void resample(byte[] s, int sw, int sh, byte[] d, int dStride, int dx0, int dy0, int dw, int dh) {
        int[] left = new int[dw];
        int[] right = new int[dw];
        int[] fx = new int[dw];
        double xScale = (double) sw / dw;
        for (int x = 0; x < dw; x++) {
            double sx = Math.max(0, (x + 0.5) * xScale - 0.5);
            int x0 = Math.min((int) sx, sw - 1);
            left[x] = x0 * 3;
            right[x] = Math.min(x0 + 1, sw - 1) * 3;
            fx[x] = (int) Math.round((sx - x0) * ONE);
            if (x0 == sw - 1) fx[x] = 0;
        }
        double yScale = (double) sh / dh;
        int rowBytes = sw * 3;
        for (int y = 0; y < dh; y++) {
            double sy = Math.max(0, (y + 0.5) * yScale - 0.5);
            int y0 = Math.min((int) sy, sh - 1);
            int fy = y0 == sh - 1 ? 0 : (int) Math.round((sy - y0) * ONE);
            int ify = ONE - fy;
            int top = y0 * rowBytes;
            int bottom = Math.min(y0 + 1, sh - 1) * rowBytes;
            int o = ((dy0 + y) * dStride + dx0) * 3;
            for (int x = 0; x < dw; x++) {
                int wr = fx[x];
                int wl = ONE - wr;
                int tl = top + left[x];
                int tr = top + right[x];
                int bl = bottom + left[x];
                int br = bottom + right[x];
                for (int k = 0; k < 3; k++, o++) {
                    int upper = (s[tl + k] & 0xFF) * wl + (s[tr + k] & 0xFF) * wr;
                    int lower = (s[bl + k] & 0xFF) * wl + (s[br + k] & 0xFF) * wr;
                    d[o] = (byte) ((upper * ify + lower * fy + ROUND) >> (2 * FRACTION_BITS));
                }
            }
        }
    }
}
