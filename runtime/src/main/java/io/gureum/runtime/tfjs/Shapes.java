package io.gureum.runtime.tfjs;

import java.util.Arrays;

/**
 * Static shapes as the converter tracks them: {@code long[]} dims with -1 for a dim only known at
 * run time, and {@code null} for an unknown rank.
 */
final class Shapes {
    static final long UNKNOWN = -1;

    private Shapes() {}

    static long count(long[] shape) {
        long n = 1;
        for (long d : shape) n *= d;
        return n;
    }

    static boolean isStatic(long[] shape) {
        return shape != null && Arrays.stream(shape).allMatch(d -> d >= 0);
    }

    static long[] strides(long[] shape) {
        long[] s = new long[shape.length];
        long acc = 1;
        for (int a = shape.length - 1; a >= 0; a--) {
            s[a] = acc;
            acc *= shape[a];
        }
        return s;
    }

    /** numpy/TF broadcasting; a dim that is unknown on one side and not 1 on the other stays unknown. */
    static long[] broadcast(long[] a, long[] b) {
        if (a == null || b == null) return null;
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da == 1) out[i] = db;
            else if (db == 1) out[i] = da;
            else if (da == UNKNOWN) out[i] = db;
            else if (db == UNKNOWN || da == db) out[i] = da;
            else throw new TfjsConversionException("shapes " + Arrays.toString(a) + " and " + Arrays.toString(b) + " do not broadcast");
        }
        return out;
    }

    /** An axis that may be negative (counted from the end), made non-negative. */
    static int axis(long axis, int rank) {
        long a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) throw new TfjsConversionException("axis " + axis + " is out of range for rank " + rank);
        return (int) a;
    }

    static long[] without(long[] shape, int... axes) {
        if (shape == null) return null;
        long[] out = new long[shape.length - axes.length];
        int k = 0;
        outer:
        for (int a = 0; a < shape.length; a++) {
            for (int r : axes) if (r == a) continue outer;
            out[k++] = shape[a];
        }
        return out;
    }

    static String toString(long[] shape) {
        return shape == null ? "[unknown rank]" : Arrays.toString(shape).replace("-1", "?");
    }
}
