package io.gureum.vision.image;

import java.awt.image.BufferedImage;

/**
 * A decoded image, upright and in the layout every vision model reads: packed 8-bit BGR
 * ({@link BgrImages}), whatever the file held (grayscale, palette, alpha, 16-bit, CMYK).
 *
 * @param image       packed {@code TYPE_3BYTE_BGR}, already turned upright per the EXIF orientation
 * @param format      the format the bytes were in
 * @param orientation the EXIF orientation (1-8) that was applied; 1 when the file had none
 */
public record DecodedImage(BufferedImage image, ImageFormat format, int orientation) {

    public DecodedImage {
        if (!BgrImages.isPackedBgr(image)) throw new IllegalArgumentException("image must be packed TYPE_3BYTE_BGR");
        if (orientation < 1 || orientation > 8) throw new IllegalArgumentException("orientation must be 1-8: " + orientation);
    }

    /** Width as displayed (after orientation). */
    public int width() { return image.getWidth(); }

    /** Height as displayed (after orientation). */
    public int height() { return image.getHeight(); }

    /** The live B,G,R bytes, row by row (no copy). */
    public byte[] bgr() { return BgrImages.pixels(image); }
}
