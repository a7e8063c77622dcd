package io.gureum.vision.image;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.Arrays;

/**
 * The one pixel layout the vision code works on: {@link BufferedImage#TYPE_3BYTE_BGR}, packed
 * (stride = 3 x width, no offset), so that hot loops index one {@code byte[]} as B,G,R,B,G,R,...
 */
public final class BgrImages {
    private BgrImages() {}

    public static BufferedImage create(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    }

    /** True when {@link #pixels} can read the image without a copy. */
    public static boolean isPackedBgr(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) return false;
        WritableRaster raster = image.getRaster();
        if (!(raster.getDataBuffer() instanceof DataBufferByte buffer) || buffer.getNumBanks() != 1
                || buffer.getOffset() != 0) return false;
        if (!(raster.getSampleModel() instanceof ComponentSampleModel sm)) return false;
        int[] bands = sm.getBandOffsets();
        return raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && sm.getPixelStride() == 3 && sm.getScanlineStride() == 3 * image.getWidth()
                && bands.length == 3 && bands[0] == 2 && bands[1] == 1 && bands[2] == 0;
    }

    /**
     * The live B,G,R bytes of a packed BGR image (no copy; writes show in the image).
     *
     * @throws IllegalArgumentException when the image is not packed BGR; convert it with {@link #toBgr}
     */
    public static byte[] pixels(BufferedImage image) {
        if (!isPackedBgr(image)) {
            throw new IllegalArgumentException("Expected a packed TYPE_3BYTE_BGR image, got type " + image.getType()
                    + " (" + image.getWidth() + "x" + image.getHeight() + "); convert it with BgrImages.toBgr");
        }
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    /**
     * The image as packed 8-bit BGR: the same instance when it already is, else a converted copy.
     * Grayscale (8/16-bit) keeps its values as display values (r = g = b = gray), as Pillow and
     * OpenCV do, rather than through Java2D's linear-gray colour space, which would brighten it.
     * Transparency is composited over white, so dark text on a transparent background stays legible.
     */
    public static BufferedImage toBgr(BufferedImage src) {
        if (isPackedBgr(src)) return src;
        BufferedImage dst = create(src.getWidth(), src.getHeight());
        ColorModel cm = src.getColorModel();
        if (!(cm instanceof IndexColorModel) && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            grayToBgr(src, pixels(dst));
            return dst;
        }
        Graphics2D g = dst.createGraphics();
        try {
            if (cm.hasAlpha()) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, dst.getWidth(), dst.getHeight());
            }
            g.setComposite(AlphaComposite.SrcOver);
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
        }
        return dst;
    }

    private static void grayToBgr(BufferedImage src, byte[] out) {
        WritableRaster raster = src.getRaster();
        ColorModel cm = src.getColorModel();
        int w = src.getWidth();
        int h = src.getHeight();
        int grayMax = (1 << cm.getComponentSize(0)) - 1;
        boolean alpha = cm.hasAlpha() && raster.getNumBands() > 1;
        int alphaMax = alpha ? (1 << cm.getComponentSize(1)) - 1 : 0;
        int[] gray = new int[w];
        int[] alphas = alpha ? new int[w] : null;
        int o = 0;
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, gray);
            if (alpha) raster.getSamples(0, y, w, 1, 1, alphas);
            for (int x = 0; x < w; x++) {
                int v = to8Bit(gray[x], grayMax);
                if (alpha) {
                    int a = to8Bit(alphas[x], alphaMax);
                    v = (v * a + 255 * (255 - a) + 127) / 255;
                }
                byte b = (byte) v;
                out[o] = b;
                out[o + 1] = b;
                out[o + 2] = b;
                o += 3;
            }
        }
    }

    private static int to8Bit(int value, int max) {
        return max == 255 ? value : (int) ((value * 255L + max / 2) / max);
    }

    /** Fills pixels [from, to) of a BGR byte array with one colour given as 0xRRGGBB. */
    public static void fill(byte[] bgr, int fromPixel, int toPixel, int rgb) {
        if (toPixel <= fromPixel) return;
        byte r = (byte) (rgb >> 16);
        byte g = (byte) (rgb >> 8);
        byte b = (byte) rgb;
        if (r == g && g == b) {
            Arrays.fill(bgr, fromPixel * 3, toPixel * 3, b);
            return;
        }
        for (int i = fromPixel * 3, end = toPixel * 3; i < end; i += 3) {
            bgr[i] = b;
            bgr[i + 1] = g;
            bgr[i + 2] = r;
        }
    }
}
