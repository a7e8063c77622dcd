package io.gureum.runtime.tfjs;

import java.util.Arrays;

/**
 * Axis permutations. A converted value may be held in ONNX in another axis order than TF gives
 * it, {@code onnx = transpose(tf, perm)} (ONNX dim j is TF dim perm[j]): convolutions want NCHW,
 * TF graphs are NHWC, and carrying NCHW from one conv to the next through element-wise ops saves
 * a transpose pair around every conv. {@code null} means the identity.
 */
final class Layout {
    /** NHWC data held as NCHW. */
    static final int[] NCHW = {0, 3, 1, 2};

    private Layout() {}

    static boolean isIdentity(int[] perm) {
        if (perm == null) return true;
        for (int i = 0; i < perm.length; i++) if (perm[i] != i) return false;
        return true;
    }

    static int[] normalize(int[] perm) {
        return isIdentity(perm) ? null : perm;
    }

    static boolean same(int[] a, int[] b) {
        return isIdentity(a) ? isIdentity(b) : Arrays.equals(a, b);
    }

    static int[] identity(int rank) {
        int[] p = new int[rank];
        for (int i = 0; i < rank; i++) p[i] = i;
        return p;
    }

    static int[] inverse(int[] perm) {
        int[] inv = new int[perm.length];
        for (int i = 0; i < perm.length; i++) inv[perm[i]] = i;
        return inv;
    }

    /** The perm that takes data held as {@code from} to data held as {@code to}. */
    static int[] between(int[] from, int[] to, int rank) {
        int[] f = from == null ? identity(rank) : from;
        int[] t = to == null ? identity(rank) : to;
        int[] inv = inverse(f);
        int[] p = new int[rank];
        for (int j = 0; j < rank; j++) p[j] = inv[t[j]];
        return p;
    }

    /** {@code out[j] = values[perm[j]]}. */
    static long[] apply(long[] values, int[] perm) {
        if (values == null) return null;
        if (perm == null) return values.clone();
        long[] out = new long[perm.length];
        for (int j = 0; j < perm.length; j++) out[j] = values[perm[j]];
        return out;
    }

    /** Where TF axis {@code tfAxis} is in the ONNX tensor held as {@code perm}. */
    static int onnxAxis(int[] perm, int tfAxis) {
        if (perm == null) return tfAxis;
        for (int j = 0; j < perm.length; j++) if (perm[j] == tfAxis) return j;
        throw new IllegalArgumentException("axis " + tfAxis + " not in " + Arrays.toString(perm));
    }

    /**
     * The layout of a value held as {@code perm} after the TF axes {@code removed} are dropped
     * (a reduction without keep_dims, a squeeze): the remaining axes keep their relative order.
     */
    static int[] dropAxes(int[] perm, int[] removed) {
        if (perm == null) return null;
        int[] out = new int[perm.length - removed.length];
        int k = 0;
        for (int tfAxis : perm) {
            if (Arrays.stream(removed).anyMatch(r -> r == tfAxis)) continue;
            int shift = (int) Arrays.stream(removed).filter(r -> r < tfAxis).count();
            out[k++] = tfAxis - shift;
        }
        return normalize(out);
    }
}
