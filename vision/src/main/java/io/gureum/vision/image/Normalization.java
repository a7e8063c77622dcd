package io.gureum.vision.image;

import java.util.Arrays;

/**
 * How 8-bit pixel values become model inputs: {@code (value - mean) * scale}, per colour.
 * Means and scales are given in R, G, B order whatever order the tensor uses, so a preset such as
 * {@link #IMAGENET} stays right for BGR models too. The 256 outputs of each colour are tabulated
 * once, so the tensor loop is one table look-up per value.
 */
public final class Normalization {
    /** Raw values 0..255. */
    public static final Normalization NONE = uniform(0f, 1f);
    /** 0..1: {@code v / 255}. */
    public static final Normalization UNIT = uniform(0f, 1f / 255f);
    /** -1..1: {@code v / 127.5 - 1}. */
    public static final Normalization SYMMETRIC = uniform(127.5f, 1f / 127.5f);
    /** ImageNet: {@code (v / 255 - mean) / std} with mean (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225). */
    public static final Normalization IMAGENET = perColour(
            new float[] {0.485f * 255f, 0.456f * 255f, 0.406f * 255f},
            new float[] {1f / (0.229f * 255f), 1f / (0.224f * 255f), 1f / (0.225f * 255f)});

    private final float[] mean;
    private final float[] scale;
    private final boolean uniform;
    /** table[c][v] for c = R, G, B. */
    private final float[][] table = new float[3][256];

    private Normalization(float[] mean, float[] scale, boolean uniform) {
        this.mean = mean;
        this.scale = scale;
        this.uniform = uniform;
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < 256; v++) table[c][v] = (v - mean[c]) * scale[c];
        }
    }

    /** The same mean and scale for every colour (and the only kind usable for grayscale tensors). */
    public static Normalization uniform(float mean, float scale) {
        return new Normalization(new float[] {mean, mean, mean}, new float[] {scale, scale, scale}, true);
    }

    /** Per-colour mean and scale, each given as {R, G, B}. */
    public static Normalization perColour(float[] meanRgb, float[] scaleRgb) {
        if (meanRgb.length != 3 || scaleRgb.length != 3) {
            throw new IllegalArgumentException("mean and scale need 3 values each, in R, G, B order");
        }
        return new Normalization(meanRgb.clone(), scaleRgb.clone(), false);
    }

    public boolean isUniform() { return uniform; }

    /** {@code (value - mean) * scale} for a (possibly fractional) value, for grayscale. */
    float apply(float value, int colour) {
        return (value - mean[colour]) * scale[colour];
    }

    /** The 256-entry table for one colour: 0 = R, 1 = G, 2 = B. Not to be modified. */
    float[] table(int colour) {
        return table[colour];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalization n && Arrays.equals(mean, n.mean) && Arrays.equals(scale, n.scale);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "Normalization[meanRgb=" + Arrays.toString(mean) + ", scaleRgb=" + Arrays.toString(scale) + "]";
    }
}
