package io.gureum.vision.image;

import java.util.Objects;

/**
 * The input a model expects from an image: memory layout, channels and normalisation.
 * E.g. BlazeFace (tfjs): {@code new TensorFormat(Layout.NHWC, Channels.RGB, Normalization.SYMMETRIC)}.
 */
public record TensorFormat(Layout layout, Channels channels, Normalization normalization) {

    public enum Layout {
        /** Channels last: TensorFlow / tfjs models. */
        NHWC,
        /** Channels first: PyTorch-exported models. */
        NCHW
    }

    public enum Channels {
        RGB(3), BGR(3),
        /** One channel, luma {@code 0.299 R + 0.587 G + 0.114 B} (ITU-R BT.601, as OpenCV and Pillow). */
        GRAY(1);

        private final int count;

        Channels(int count) { this.count = count; }

        public int count() { return count; }
    }

    public TensorFormat {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(normalization, "normalization");
        if (channels == Channels.GRAY && !normalization.isUniform()) {
            throw new IllegalArgumentException("A grayscale tensor needs a uniform normalization, got " + normalization);
        }
    }

    /** Floats one image of this size takes. */
    public int size(int width, int height) {
        return Math.multiplyExact(Math.multiplyExact(width, height), channels.count());
    }

    /** The tensor shape for a batch: {@code [n, h, w, c]} or {@code [n, c, h, w]}. */
    public long[] shape(int batch, int width, int height) {
        int c = channels.count();
        return layout == Layout.NHWC ? new long[] {batch, height, width, c} : new long[] {batch, c, height, width};
    }
}
