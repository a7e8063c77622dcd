package io.gureum.runtime.tfjs;

import java.util.ArrayList;
import java.util.List;

/**
 * Joining and splitting along an axis: ConcatV2 (and the old Concat), Pack, Unpack, Split, SplitV.
 * Concat and the splits are layout-neutral (the axis is mapped into the held layout), so feature
 * pyramids that concatenate NCHW conv outputs stay NCHW.
 */
final class ConcatSplitOps {
    private ConcatSplitOps() {}

    static void register(OpRegistry r) {
        r.add("ConcatV2", (node, c) -> concat(node, c, valuesOf(node, c, 0, c.inputCount(node) - 1), c.inputCount(node) - 1));
        r.add("Concat", (node, c) -> concat(node, c, valuesOf(node, c, 1, c.inputCount(node)), 0));
        r.add("Pack", ConcatSplitOps::pack);
        r.add("Unpack", ConcatSplitOps::unpack);
        r.add("Split", (node, c) -> split(node, c, c.in(node, 1), null, axisInput(node, c, 0), (int) node.integer("num_split", 1)));
        r.add("SplitV", (node, c) -> split(node, c, c.in(node, 0), c.constant(node, 1, "size_splits").longValues(),
                axisInput(node, c, 2), (int) node.integer("num_split", 1)));
    }

    private static List<Value> valuesOf(TfNode node, Conversion c, int from, int to) {
        List<Value> out = new ArrayList<>();
        for (int i = from; i < to; i++) out.add(c.in(node, i));
        return out;
    }

    private static long axisInput(TfNode node, Conversion c, int i) {
        return (long) c.constant(node, i, "axis").get(0);
    }

    private static void concat(TfNode node, Conversion c, List<Value> parts, int axisIndex) {
        Value first = parts.get(0);
        if (!first.hasRank()) throw TfjsConversionException.at(node, "needs inputs of known rank");
        int rank = first.rank();
        int axis = Shapes.axis(axisInput(node, c, axisIndex), rank);
        long[] shape = first.shape().clone();
        long total = 0;
        for (Value p : parts) {
            if (!p.hasRank() || p.rank() != rank) throw TfjsConversionException.at(node, "joins tensors of different ranks");
            total = total < 0 || p.shape()[axis] < 0 ? -1 : total + p.shape()[axis];
            for (int a = 0; a < rank; a++) if (a != axis && shape[a] < 0) shape[a] = p.shape()[a];
        }
        shape[axis] = total;
        if (parts.stream().allMatch(Value::isConstant)) {
            c.defineConstant(node, 0, ConstTensor.concat(parts.stream().map(Value::constant).toList(), axis));
            return;
        }
        int[] perm = parts.stream().filter(p -> !p.isConstant() && p.perm() != null).map(Value::perm).findFirst().orElse(null);
        List<String> names = parts.stream().map(p -> c.layout(p, perm)).toList();
        String out = c.opNamed("Concat", c.outName(node, 0), names, OnnxGraphBuilder.attr("axis", (long) Layout.onnxAxis(perm, axis)));
        c.define(node, Value.of(out, first.dtype(), shape, perm));
    }

    private static void pack(TfNode node, Conversion c) {
        List<Value> parts = valuesOf(node, c, 0, c.inputCount(node));
        Value first = parts.get(0);
        if (!first.hasRank()) throw TfjsConversionException.at(node, "needs inputs of known rank");
        int axis = Shapes.axis(node.integer("axis", 0), first.rank() + 1);
        long[] one = new long[first.rank() + 1];
        for (int i = 0, k = 0; i < one.length; i++) one[i] = i == axis ? 1 : first.shape()[k++];
        long[] shape = one.clone();
        shape[axis] = parts.size();
        if (parts.stream().allMatch(Value::isConstant)) {
            c.defineConstant(node, 0, ConstTensor.concat(parts.stream().map(p -> p.constant().reshape(one)).toList(), axis));
            return;
        }
        List<String> expanded = new ArrayList<>();
        for (Value p : parts) {
            expanded.add(p.isConstant() ? c.name(Value.constant(p.constant().reshape(one)))
                    : c.op("Unsqueeze", c.tf(p) + "/packed", List.of(c.tf(p), c.int64s(axis))));
        }
        String out = parts.size() == 1 ? c.opNamed("Identity", c.outName(node, 0), expanded)
                : c.opNamed("Concat", c.outName(node, 0), expanded, OnnxGraphBuilder.attr("axis", (long) axis));
        c.define(node, Value.of(out, first.dtype(), shape, null));
    }

    private static void unpack(TfNode node, Conversion c) {
        Value x = c.in(node, 0);
        if (!x.hasRank()) throw TfjsConversionException.at(node, "needs an input of known rank");
        int axis = Shapes.axis(node.integer("axis", 0), x.rank());
        int num = (int) node.integer("num", x.shape()[axis]);
        if (num <= 0) throw TfjsConversionException.at(node, "needs a known number of parts");
        long[] shape = Shapes.without(x.shape(), axis);
        if (x.isConstant()) {
            for (int k = 0; k < num; k++) c.defineConstant(node, k, slice(x.constant(), axis, k, 1).reshape(shape));
            return;
        }
        List<String> parts = num == 1 ? List.of(c.tf(x))
                : c.ops("Split", node.name() + "/part", List.of(c.tf(x)), num, OnnxGraphBuilder.attr("axis", (long) axis));
        for (int k = 0; k < num; k++) {
            String out = c.opNamed("Squeeze", c.outName(node, k), List.of(parts.get(k), c.int64s(axis)));
            c.define(node, k, Value.of(out, x.dtype(), shape, null));
        }
    }

    /** Split (equal parts, {@code sizes} null) or SplitV (given sizes, one may be -1). */
    private static void split(TfNode node, Conversion c, Value x, long[] sizes, long rawAxis, int numSplit) {
        if (!x.hasRank()) throw TfjsConversionException.at(node, "needs an input of known rank");
        int axis = Shapes.axis(rawAxis, x.rank());
        long dim = x.shape()[axis];
        int count = sizes == null ? numSplit : sizes.length;
        long[] resolved = sizes == null ? null : sizes.clone();
        if (resolved != null) {
            int unknown = -1;
            long known = 0;
            for (int k = 0; k < resolved.length; k++) {
                if (resolved[k] < 0) unknown = k;
                else known += resolved[k];
            }
            if (unknown >= 0) {
                if (dim < 0) throw TfjsConversionException.at(node, "has a -1 split size on a dim not known before run time");
                resolved[unknown] = dim - known;
            }
        }
        List<String> outs = new ArrayList<>();
        for (int k = 0; k < count; k++) outs.add(c.outName(node, k));
        c.opsNamed("Split", outs, resolved == null ? List.of(c.name(x)) : List.of(c.name(x), c.int64s(resolved)),
                OnnxGraphBuilder.attr("axis", (long) Layout.onnxAxis(x.perm(), axis)));
        for (int k = 0; k < count; k++) {
            long[] shape = x.shape().clone();
            shape[axis] = resolved != null ? resolved[k] : dim < 0 ? -1 : dim / count;
            c.define(node, k, Value.of(outs.get(k), x.dtype(), shape, x.perm()));
        }
    }

    private static ConstTensor slice(ConstTensor t, int axis, long start, long length) {
        long[][] index = new long[t.rank()][];
        for (int a = 0; a < t.rank(); a++) {
            long n = a == axis ? length : t.shape[a];
            long from = a == axis ? start : 0;
            index[a] = new long[(int) n];
            for (int i = 0; i < n; i++) index[a][i] = from + i;
        }
        return t.select(index);
    }
}
