package io.gureum.runtime.tfjs;

import java.util.Arrays;
import java.util.List;

/**
 * Ops that only rearrange: Reshape, Squeeze, ExpandDims, Transpose. Reshape reads elements in
 * TF's order, so its input is laid out as TF has it; Squeeze keeps the held layout; Transpose is
 * free — it only changes how the held tensor relates to TF's axes.
 */
final class ReshapeOps {
    private ReshapeOps() {}

    static void register(OpRegistry r) {
        r.add("Reshape", ReshapeOps::reshape);
        r.add("Squeeze", ReshapeOps::squeeze);
        r.add("ExpandDims", ReshapeOps::expandDims);
        r.add("Transpose", ReshapeOps::transpose);
    }

    private static void reshape(TfNode node, Conversion c) {
        Value x = c.in(node, 0);
        Value shapeIn = c.in(node, 1);
        if (shapeIn.isConstant()) {
            long[] target = resolve(node, shapeIn.constant().longValues(), x.shape());
            if (x.isConstant() && Shapes.isStatic(target)) {
                c.defineConstant(node, 0, x.constant().reshape(target));
                return;
            }
            List<String> in = List.of(c.tf(x), c.int64s(shapeIn.constant().longValues()));
            c.define(node, Value.of(c.opNamed("Reshape", c.outName(node, 0), in), x.dtype(), target, null));
            return;
        }
        long[] rank = shapeIn.shape();
        long[] target = rank != null && rank.length == 1 && rank[0] >= 0 ? filled(rank[0]) : null;
        String out = c.opNamed("Reshape", c.outName(node, 0), List.of(c.tf(x), c.int64(shapeIn)));
        c.define(node, Value.of(out, x.dtype(), target, null));
    }

    /** A TF shape with at most one -1, resolved against the input's static shape where possible. */
    private static long[] resolve(TfNode node, long[] target, long[] input) {
        long[] out = target.clone();
        int unknown = -1;
        long known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) {
                if (unknown >= 0) throw TfjsConversionException.at(node, "shape " + Arrays.toString(target) + " has two -1 dims");
                unknown = i;
            } else {
                known *= out[i];
            }
        }
        if (unknown >= 0 && Shapes.isStatic(input) && known > 0) out[unknown] = Shapes.count(input) / known;
        return out;
    }

    private static void squeeze(TfNode node, Conversion c) {
        Value x = c.in(node, 0);
        if (!x.hasRank()) throw TfjsConversionException.at(node, "needs an input of known rank");
        long[] dims = node.ints(node.has("squeeze_dims") ? "squeeze_dims" : "axis");
        int[] axes;
        if (dims.length > 0) {
            axes = Arrays.stream(dims).mapToInt(a -> Shapes.axis(a, x.rank())).distinct().sorted().toArray();
        } else {
            if (Arrays.stream(x.shape()).anyMatch(d -> d < 0)) {
                throw TfjsConversionException.at(node, "squeezes all size-1 dims of " + Shapes.toString(x.shape())
                        + ", which are not all known before run time");
            }
            axes = java.util.stream.IntStream.range(0, x.rank()).filter(a -> x.shape()[a] == 1).toArray();
        }
        long[] shape = Shapes.without(x.shape(), axes);
        if (x.isConstant()) {
            c.defineConstant(node, 0, x.constant().reshape(shape));
            return;
        }
        long[] onnxAxes = Arrays.stream(axes).mapToLong(a -> Layout.onnxAxis(x.perm(), a)).sorted().toArray();
        String out = c.opNamed("Squeeze", c.outName(node, 0), List.of(c.name(x), c.int64s(onnxAxes)));
        c.define(node, Value.of(out, x.dtype(), shape, Layout.dropAxes(x.perm(), axes)));
    }

    private static void expandDims(TfNode node, Conversion c) {
        Value x = c.in(node, 0);
        if (!x.hasRank()) throw TfjsConversionException.at(node, "needs an input of known rank");
        int axis = Shapes.axis((long) c.constant(node, 1, "axis").get(0), x.rank() + 1);
        long[] shape = new long[x.rank() + 1];
        for (int i = 0, k = 0; i < shape.length; i++) shape[i] = i == axis ? 1 : x.shape()[k++];
        if (x.isConstant()) {
            c.defineConstant(node, 0, x.constant().reshape(shape));
            return;
        }
        String out = c.opNamed("Unsqueeze", c.outName(node, 0), List.of(c.tf(x), c.int64s(axis)));
        c.define(node, Value.of(out, x.dtype(), shape, null));
    }

    private static void transpose(TfNode node, Conversion c) {
        Value x = c.in(node, 0);
        int[] perm = Arrays.stream(c.constant(node, 1, "perm").longValues()).mapToInt(p -> (int) p).toArray();
        long[] shape = Layout.apply(x.shape(), perm);
        if (x.isConstant()) {
            c.defineConstant(node, 0, x.constant().transpose(perm));
            return;
        }
        // The held tensor stays as it is; only its relation to TF's axes changes.
        c.define(node, Value.of(x.onnx(), x.dtype(), shape, Layout.between(perm, x.perm(), perm.length)));
    }

    private static long[] filled(long rank) {
        long[] s = new long[(int) rank];
        Arrays.fill(s, -1);
        return s;
    }
}
