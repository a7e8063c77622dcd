package io.gureum.runtime.tfjs;

import java.util.ArrayList;
import java.util.List;

/**
 * StridedSlice (with all five masks) and Slice, for constant bounds. TF's sparse slice spec is
 * first expanded to one entry per input axis (ellipsis filled in, new axes noted), then becomes an
 * ONNX Slice, a Squeeze for shrunk axes and an Unsqueeze for new ones. Without new axes the slice
 * works in the held layout; on constants it is computed here.
 */
final class SliceOps {
    /** ONNX clamps out-of-range bounds, so these stand for "from the very start/end". */
    private static final long MAX = Long.MAX_VALUE;
    private static final long MIN = Long.MIN_VALUE;

    private SliceOps() {}

    static void register(OpRegistry r) {
        r.add("StridedSlice", SliceOps::stridedSlice);
        r.add("Slice", SliceOps::slice);
        r.add("ReverseV2", SliceOps::reverse);
        r.add("Reverse", SliceOps::reverse);
    }

    /** ReverseV2: a slice with step -1 along each given axis (the old Reverse gives a bool per axis). */
    private static void reverse(TfNode node, Conversion c) {
        Value x = c.in(node, 0);
        if (!x.hasRank()) throw TfjsConversionException.at(node, "needs an input of known rank");
        ConstTensor axesIn = c.constant(node, 1, "axis");
        AxisSlice[] dense = new AxisSlice[x.rank()];
        java.util.Arrays.fill(dense, AxisSlice.all());
        long[] values = axesIn.longValues();
        for (int k = 0; k < values.length; k++) {
            int axis = axesIn.dtype == DType.BOOL ? (values[k] != 0 ? k : -1) : Shapes.axis(values[k], x.rank());
            if (axis >= 0) dense[axis] = new AxisSlice(0, 0, -1, true, true, false);
        }
        apply(node, c, x, dense, List.of());
    }

    /** One input axis of a dense slice spec. */
    private record AxisSlice(long begin, long end, long stride, boolean beginMask, boolean endMask, boolean shrink) {
        static AxisSlice all() {
            return new AxisSlice(0, 0, 1, true, true, false);
        }

        boolean isAll() {
            return stride == 1 && beginMask && endMask && !shrink;
        }

        /** ONNX Slice's start and end. */
        long onnxStart() {
            if (shrink) return begin;
            return beginMask ? (stride > 0 ? 0 : MAX) : begin;
        }

        long onnxEnd() {
            if (shrink) return begin == -1 ? MAX : begin + 1;
            return endMask ? (stride > 0 ? MAX : MIN) : end;
        }

        /** The indices taken from an axis of size {@code dim} (TF/numpy clamping), or null when dim is unknown. */
        long[] indices(long dim) {
            if (dim < 0) return null;
            if (shrink) {
                long b = begin < 0 ? begin + dim : begin;
                if (b < 0 || b >= dim) throw new TfjsConversionException("slice index " + begin + " is out of range for a dim of " + dim);
                return new long[]{b};
            }
            long s = stride;
            long lo = s > 0 ? 0 : -1;
            long hi = s > 0 ? dim : dim - 1;
            long b = beginMask ? (s > 0 ? 0 : dim - 1) : clamp(begin < 0 ? begin + dim : begin, lo, hi);
            long e = endMask ? (s > 0 ? dim : -1) : clamp(end < 0 ? end + dim : end, lo, hi);
            List<Long> out = new ArrayList<>();
            for (long i = b; s > 0 ? i < e : i > e; i += s) out.add(i);
            return out.stream().mapToLong(Long::longValue).toArray();
        }

        private static long clamp(long v, long lo, long hi) {
            return Math.max(lo, Math.min(hi, v));
        }
    }

    private static void stridedSlice(TfNode node, Conversion c) {
        Value x = c.in(node, 0);
        if (!x.hasRank()) throw TfjsConversionException.at(node, "needs an input of known rank");
        long[] begin = c.constant(node, 1, "begin").longValues();
        long[] end = c.constant(node, 2, "end").longValues();
        long[] strides = c.constant(node, 3, "strides").longValues();
        long beginMask = node.integer("begin_mask", 0);
        long endMask = node.integer("end_mask", 0);
        long ellipsisMask = node.integer("ellipsis_mask", 0);
        long newAxisMask = node.integer("new_axis_mask", 0);
        long shrinkMask = node.integer("shrink_axis_mask", 0);
        int rank = x.rank();
        int n = begin.length;

        // Expand the sparse spec into one AxisSlice per input axis; note where new axes go in the output.
        AxisSlice[] dense = new AxisSlice[rank];
        List<Integer> newAxes = new ArrayList<>(); // positions in the output
        int axis = 0;
        int outPos = 0;
        boolean sawEllipsis = false;
        for (int i = 0; i < n; i++) {
            long bit = 1L << i;
            if ((ellipsisMask & bit) != 0) {
                if (sawEllipsis) throw TfjsConversionException.at(node, "has more than one ellipsis");
                sawEllipsis = true;
                int consumedAfter = 0;
                for (int k = i + 1; k < n; k++) if ((newAxisMask & (1L << k)) == 0) consumedAfter++;
                int upTo = rank - consumedAfter;
                for (; axis < upTo; axis++, outPos++) dense[axis] = AxisSlice.all();
            } else if ((newAxisMask & bit) != 0) {
                newAxes.add(outPos++);
            } else {
                if (axis >= rank) throw TfjsConversionException.at(node, "slices more axes than the input's " + rank);
                if (strides[i] == 0) throw TfjsConversionException.at(node, "has a zero stride");
                boolean shrink = (shrinkMask & bit) != 0;
                dense[axis++] = new AxisSlice(begin[i], end[i], shrink ? 1 : strides[i], (beginMask & bit) != 0, (endMask & bit) != 0, shrink);
                if (!shrink) outPos++;
            }
        }
        for (; axis < rank; axis++) dense[axis] = AxisSlice.all();
        apply(node, c, x, dense, newAxes);
    }

    private static void slice(TfNode node, Conversion c) {
        Value x = c.in(node, 0);
        if (!x.hasRank()) throw TfjsConversionException.at(node, "needs an input of known rank");
        long[] begin = c.constant(node, 1, "begin").longValues();
        long[] size = c.constant(node, 2, "size").longValues();
        AxisSlice[] dense = new AxisSlice[x.rank()];
        for (int a = 0; a < dense.length; a++) {
            dense[a] = new AxisSlice(begin[a], size[a] < 0 ? 0 : begin[a] + size[a], 1, false, size[a] < 0, false);
        }
        apply(node, c, x, dense, List.of());
    }

    private static void apply(TfNode node, Conversion c, Value x, AxisSlice[] dense, List<Integer> newAxes) {
        int rank = dense.length;
        List<Integer> shrunk = new ArrayList<>();
        List<Long> kept = new ArrayList<>();
        long[][] index = new long[rank][];
        for (int a = 0; a < rank; a++) {
            index[a] = dense[a].indices(x.shape()[a]);
            if (dense[a].shrink()) shrunk.add(a);
            else kept.add(index[a] == null ? -1L : index[a].length);
        }
        List<Long> outShape = new ArrayList<>(kept);
        for (int pos : newAxes) outShape.add(pos, 1L);
        long[] shape = outShape.stream().mapToLong(Long::longValue).toArray();
        int[] shrunkAxes = shrunk.stream().mapToInt(Integer::intValue).toArray();

        if (x.isConstant()) {
            c.defineConstant(node, 0, x.constant().select(index).reshape(shape));
            return;
        }
        int[] perm = newAxes.isEmpty() ? x.perm() : null; // new axes: work in TF's layout
        String current = c.layout(x, perm);
        List<Long> starts = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        List<Long> axes = new ArrayList<>();
        List<Long> steps = new ArrayList<>();
        for (int a = 0; a < rank; a++) {
            if (dense[a].isAll()) continue;
            starts.add(dense[a].onnxStart());
            ends.add(dense[a].onnxEnd());
            axes.add((long) Layout.onnxAxis(perm, a));
            steps.add(dense[a].stride());
        }
        boolean last = shrunk.isEmpty() && newAxes.isEmpty();
        if (!axes.isEmpty()) {
            List<String> in = List.of(current, c.int64s(longs(starts)), c.int64s(longs(ends)), c.int64s(longs(axes)), c.int64s(longs(steps)));
            current = last ? c.opNamed("Slice", c.outName(node, 0), in) : c.op("Slice", node.name() + "/slice", in);
        }
        if (!shrunk.isEmpty()) {
            long[] onnxAxes = shrunk.stream().mapToLong(a -> Layout.onnxAxis(perm, a)).sorted().toArray();
            List<String> in = List.of(current, c.int64s(onnxAxes));
            current = newAxes.isEmpty() ? c.opNamed("Squeeze", c.outName(node, 0), in) : c.op("Squeeze", node.name() + "/shrink", in);
        }
        if (!newAxes.isEmpty()) {
            current = c.opNamed("Unsqueeze", c.outName(node, 0), List.of(current,
                    c.int64s(newAxes.stream().mapToLong(Integer::longValue).toArray())));
        }
        if (axes.isEmpty() && shrunk.isEmpty() && newAxes.isEmpty()) {
            c.define(node, x); // slices nothing
            return;
        }
        c.define(node, Value.of(current, x.dtype(), shape, Layout.dropAxes(perm, shrunkAxes)));
    }

    private static long[] longs(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
