package io.gureum.vision.ocr.paddle;

import io.gureum.vision.image.BgrImages;

import java.awt.image.BufferedImage;

/**
 * A border of background colour round the page before detection. DB's boxes reach past the ink by a margin
 * that grows with the text; text that touches the image edge (a cropped line, a tight photo of a label) would
 * have its box clipped there and its strip cut through the letters. The border is the mean colour of the
 * page's outermost pixels (paper, usually), from {@value #MIN} pixels to {@value #MAX}, half the short side.
 */
record PagePadding(BufferedImage padded, int border) {
    static final int MIN = 8;
    static final int MAX = 32;

    static PagePadding of(BufferedImage page) {
        int w = page.getWidth(), h = page.getHeight();
        int b = Math.max(MIN, Math.min(MAX, Math.min(w, h) / 2));
        byte[] src = BgrImages.pixels(page);
        long[] sum = new long[3];
        long count = 0;
        for (int x = 0; x < w; x++) {
            for (int y : new int[] {0, h - 1}) {
                for (int k = 0; k < 3; k++) sum[k] += src[(y * w + x) * 3 + k] & 0xFF;
                count++;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x : new int[] {0, w - 1}) {
                for (int k = 0; k < 3; k++) sum[k] += src[(y * w + x) * 3 + k] & 0xFF;
                count++;
            }
        }
        int rgb = (int) (sum[2] / count) << 16 | (int) (sum[1] / count) << 8 | (int) (sum[0] / count);
        BufferedImage out = BgrImages.create(w + 2 * b, h + 2 * b);
        byte[] dst = BgrImages.pixels(out);
        BgrImages.fill(dst, 0, out.getWidth() * out.getHeight(), rgb);
        for (int y = 0; y < h; y++) System.arraycopy(src, y * w * 3, dst, ((y + b) * out.getWidth() + b) * 3, w * 3);
        return new PagePadding(out, b);
    }
}
