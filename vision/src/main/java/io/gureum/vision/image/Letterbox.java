package io.gureum.vision.image;

import java.awt.image.BufferedImage;

/**
 * An image scaled to fit a fixed model input, keeping its aspect ratio, centred and padded,
 * with the mapping that takes model coordinates (e.g. detected boxes) back to the source image.
 *
 * @param image         the model-sized image (packed BGR)
 * @param offsetX       left padding, in model pixels
 * @param offsetY       top padding, in model pixels
 * @param contentWidth  width the source occupies inside {@code image}
 * @param contentHeight height the source occupies inside {@code image}
 * @param sourceWidth   width of the source image
 * @param sourceHeight  height of the source image
 */
public record Letterbox(BufferedImage image, int offsetX, int offsetY, int contentWidth, int contentHeight,
                        int sourceWidth, int sourceHeight) {

    /** A model x coordinate (in pixels of {@code image}) as a source x coordinate. */
    public double toSourceX(double x) {
        return (x - offsetX) * sourceWidth / contentWidth;
    }

    /** A model y coordinate (in pixels of {@code image}) as a source y coordinate. */
    public double toSourceY(double y) {
        return (y - offsetY) * sourceHeight / contentHeight;
    }
}
