package io.gureum.vision.ocr.paddle;

import io.gureum.vision.image.BgrImages;
import io.gureum.vision.image.ImageTensors;
import io.gureum.vision.image.Normalization;
import io.gureum.vision.image.TensorFormat;

import java.awt.image.BufferedImage;

/**
 * A text region cut out of the page as a horizontal strip {@value #HEIGHT} pixels high (what PP-OCR's
 * classifier and recogniser take), with the quad it came from, so that positions in the strip map back to
 * the page.
 */
record Strip(Quad quad, BufferedImage image) {
    static final int HEIGHT = 48;
    /** Bounds the tensor of an absurdly long region (a rule line); PaddleOCR has no cap, real lines stay far below. */
    static final int MAX_WIDTH = 48 * 64;
    /** Classifier and recogniser both take {@code (v / 255 - 0.5) / 0.5} over BGR, channels first. */
    static final TensorFormat FORMAT = new TensorFormat(TensorFormat.Layout.NCHW, TensorFormat.Channels.BGR,
            Normalization.SYMMETRIC);
    /** Outside the page (rare: quads are clipped to it) reads as paper. */
    private static final int PAD = 0xFFFFFF;

    /**
     * Cuts the quad out in one bilinear warp straight to the strip's size (PaddleOCR warps at native
     * resolution then resizes to height 48 with plain bilinear too, so the result matches).
     */
    static Strip cut(BufferedImage page, Quad quad) {
        double w = Math.max(1, quad.width()), h = Math.max(1, quad.height());
        int width = (int) Math.min(MAX_WIDTH, Math.max(1, Math.ceil(HEIGHT * w / h)));
        return new Strip(quad, ImageTensors.warpAffine(page, quad.stripToPage(width, HEIGHT), width, HEIGHT, PAD));
    }

    int width() {
        return image.getWidth();
    }

    /** The strip read upside down: image turned 180 degrees, quad relabelled. */
    Strip flipped() {
        byte[] src = BgrImages.pixels(image);
        BufferedImage turned = BgrImages.create(image.getWidth(), image.getHeight());
        byte[] dst = BgrImages.pixels(turned);
        int pixels = src.length / 3;
        for (int i = 0; i < pixels; i++) {
            int j = pixels - 1 - i;
            dst[3 * j] = src[3 * i];
            dst[3 * j + 1] = src[3 * i + 1];
            dst[3 * j + 2] = src[3 * i + 2];
        }
        return new Strip(quad.flipped(), turned);
    }

    /**
     * Writes the image, scaled to {@code width} when it is wider, into slot {@code index} of an NCHW batch
     * {@code tensorWidth} wide; the rest of the row stays 0 (mid-grey after normalising), as PaddleOCR pads.
     */
    void writeInto(float[] batch, int index, int tensorWidth, int width) {
        BufferedImage source = image.getWidth() > width ? ImageTensors.resize(image, width, HEIGHT) : image;
        int w = source.getWidth();
        float[] one = ImageTensors.toTensor(source, FORMAT);
        int slot = index * 3 * HEIGHT * tensorWidth;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < HEIGHT; y++) {
                System.arraycopy(one, (c * HEIGHT + y) * w, batch, slot + (c * HEIGHT + y) * tensorWidth, w);
            }
        }
    }
}
