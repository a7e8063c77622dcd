package io.gureum.vision.image;

/**
 * What an image may measure before any pixel is decoded: the guard against decompression bombs
 * (a few kilobytes of PNG can declare 60000x60000 pixels, 10 GB once decoded).
 *
 * @param maxPixels most pixels (width x height) accepted
 * @param maxSide   longest side accepted, in pixels
 * @param minSide   shortest side accepted, in pixels: smaller images cannot hold anything a model can find
 */
public record ImageLimits(long maxPixels, int maxSide, int minSide) {

    /** 40 megapixels, 16384 px per side, at least 16 px per side. */
    public static final ImageLimits DEFAULTS = new ImageLimits(40_000_000L, 16_384, 16);

    public ImageLimits {
        if (maxPixels <= 0 || maxSide <= 0 || minSide <= 0 || minSide > maxSide) {
            throw new IllegalArgumentException("Invalid image limits: maxPixels=" + maxPixels
                    + ", maxSide=" + maxSide + ", minSide=" + minSide);
        }
    }

    /**
     * Refuses dimensions outside the limits.
     *
     * @throws io.gureum.core.Problem 413 {@code image_too_large} or 422 {@code image_too_small}
     */
    public void check(int width, int height) {
        if (width > maxSide || height > maxSide || (long) width * height > maxPixels) {
            throw ImageProblems.tooLarge(width, height, this);
        }
        if (width < minSide || height < minSide) {
            throw ImageProblems.tooSmall(width, height, this);
        }
    }
}
