package io.gureum.runtime.tfjs;

import java.util.Arrays;
import java.util.List;

/**
 * Ops about shapes and filled tensors: Shape, Size, Rank, Fill, ZerosLike, OnesLike, Tile,
 * BroadcastTo, Range, SparseToDense. Whatever is known at conversion time becomes a constant
 * (a Shape of a statically shaped tensor, a Fill of constant dims), which keeps the shape
 * arithmetic that TF graphs carry out of the ONNX graph.
 */
final class ShapeOps {
    private ShapeOps() {}

    static void register(OpRegistry r) {
        r.add("Shape", ShapeOps::shape);
        r.add("Size", ShapeOps::size);
        r.add("Rank", (node, c) -> c.defineConstant(node, 0,
                ConstTensor.ints(DType.INT32, new long[0], requireRank(node, c.in(node, 0)))));
        r.add("Fill", ShapeOps::fill);
        r.add("ZerosLike", (node, c) -> like(node, c, 0));
        r.add("OnesLike", (node, c) -> like(node, c, 1));
        r.add("Tile", ShapeOps::tile);
        r.add("BroadcastTo", ShapeOps::broadcastTo);
        r.add("Range", ShapeOps::range);
        r.add("SparseToDense", ShapeOps::sparseToDense);
    }

    private static long requireRank(TfNode node, Value x) {
        if (!x.hasRank()) throw TfjsConversionException.at(node, "needs an input of known rank");
        return x.rank();
    }

    private static void shape(TfNode node, Conversion c) {
        Value x = c.in(node, 0);
        long rank = requireRank(node, x);
        if (Shapes.isStatic(x.shape())) {
            c.defineConstant(node, 0, ConstTensor.ints(DType.INT32, new long[]{rank}, x.shape()));
            return;
        }
        String held = c.op("Shape", node.name() + "/held", List.of(c.name(x)));
        if (x.perm() != null) { // the held tensor's dims, put back in TF's order
            long[] tfOrder = Arrays.stream(Layout.inverse(x.perm())).asLongStream().toArray();
            held = c.op("Gather", node.name() + "/tf_order", List.of(held, c.int64s(tfOrder)), OnnxGraphBuilder.attr("axis", 0L));
        }
        String out = c.opNamed("Cast", c.outName(node, 0), List.of(held), OnnxGraphBuilder.attr("to", (long) DType.INT32.onnx.getNumber()));
        c.define(node, Value.of(out, DType.INT32, new long[]{rank}, null));
    }

    private static void size(TfNode node, Conversion c) {
        Value x = c.in(node, 0);
        if (Shapes.isStatic(x.shape())) {
            c.defineConstant(node, 0, ConstTensor.ints(DType.INT32, new long[0], Shapes.count(x.shape())));
            return;
        }
        String size = c.op("Size", node.name() + "/int64", List.of(c.name(x)));
        String out = c.opNamed("Cast", c.outName(node, 0), List.of(size), OnnxGraphBuilder.attr("to", (long) DType.INT32.onnx.getNumber()));
        c.define(node, Value.of(out, DType.INT32, new long[0], null));
    }

    private static void fill(TfNode node, Conversion c) {
        Value dims = c.in(node, 0);
        Value value = c.in(node, 1);
        if (dims.isConstant() && value.isConstant()) {
            long[] shape = dims.constant().longValues();
            c.defineConstant(node, 0, filled(value.constant(), shape));
            return;
        }
        long[] shape = dims.isConstant() ? dims.constant().longValues()
                : dims.hasRank() && dims.shape()[0] >= 0 ? minusOnes((int) dims.shape()[0]) : null;
        String out = c.opNamed("Expand", c.outName(node, 0), List.of(c.tf(value), c.int64(dims)));
        c.define(node, Value.of(out, value.dtype(), shape, null));
    }

    private static void like(TfNode node, Conversion c, double v) {
        Value x = c.in(node, 0);
        ConstTensor scalar = ConstTensor.scalar(x.dtype(), v);
        if (Shapes.isStatic(x.shape())) {
            c.defineConstant(node, 0, filled(scalar, x.shape()));
            return;
        }
        String shape = c.op("Shape", node.name() + "/shape", List.of(c.name(x)));
        String out = c.opNamed("Expand", c.outName(node, 0), List.of(c.name(Value.constant(scalar)), shape));
        c.define(node, Value.of(out, x.dtype(), x.shape(), x.perm()));
    }

    private static void tile(TfNode node, Conversion c) {
        Value x = c.in(node, 0);
        Value multiples = c.in(node, 1);
        long[] shape = null;
        if (x.hasRank() && multiples.isConstant()) {
            long[] m = multiples.constant().longValues();
            shape = x.shape().clone();
            for (int a = 0; a < shape.length; a++) if (shape[a] >= 0) shape[a] *= m[a];
        }
        String out = c.opNamed("Tile", c.outName(node, 0), List.of(c.tf(x), c.int64(multiples)));
        c.define(node, Value.of(out, x.dtype(), shape, null));
    }

    private static void broadcastTo(TfNode node, Conversion c) {
        Value x = c.in(node, 0);
        Value target = c.in(node, 1);
        long[] shape = target.isConstant() ? Shapes.broadcast(x.shape(), target.constant().longValues()) : null;
        String out = c.opNamed("Expand", c.outName(node, 0), List.of(c.tf(x), c.int64(target)));
        c.define(node, Value.of(out, x.dtype(), shape, null));
    }

    private static void range(TfNode node, Conversion c) {
        Value start = c.in(node, 0);
        Value limit = c.in(node, 1);
        Value delta = c.in(node, 2);
        DType dtype = node.type("Tidx").orElse(start.dtype());
        if (start.isConstant() && limit.isConstant() && delta.isConstant()) {
            double s = start.constant().get(0);
            double l = limit.constant().get(0);
            double d = delta.constant().get(0);
            int n = (int) Math.max(0, Math.ceil((l - s) / d));
            if (dtype == DType.FLOAT) {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) v[i] = (float) (s + i * d);
                c.defineConstant(node, 0, ConstTensor.floats(new long[]{n}, v));
            } else {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) v[i] = (long) (s + i * d);
                c.defineConstant(node, 0, ConstTensor.ints(dtype, new long[]{n}, v));
            }
            return;
        }
        String out = c.opNamed("Range", c.outName(node, 0), List.of(c.tf(start), c.tf(limit), c.tf(delta)));
        c.define(node, Value.of(out, dtype, new long[]{-1}, null));
    }

    /** Only with constant inputs, computed here: in converted graphs it builds shapes (e.g. nanodet's). */
    private static void sparseToDense(TfNode node, Conversion c) {
        long[] indices = c.constant(node, 0, "sparse_indices").longValues();
        long[] shape = c.constant(node, 1, "output_shape").longValues();
        ConstTensor values = c.constant(node, 2, "sparse_values");
        ConstTensor fallback = c.constant(node, 3, "default_value");
        long count = Shapes.count(shape);
        int depth = shape.length;
        int n = depth == 0 ? 0 : indices.length / Math.max(depth, 1);
        long[] strides = Shapes.strides(shape);
        if (values.dtype == DType.FLOAT) {
            float[] out = new float[(int) count];
            Arrays.fill(out, fallback.floatValues()[0]);
            for (int k = 0; k < n; k++) out[(int) offset(indices, k, depth, strides)] = values.floatValues()[values.count() == 1 ? 0 : k];
            c.defineConstant(node, 0, ConstTensor.floats(shape, out));
        } else {
            long[] out = new long[(int) count];
            Arrays.fill(out, fallback.longValues()[0]);
            for (int k = 0; k < n; k++) out[(int) offset(indices, k, depth, strides)] = values.longValues()[values.count() == 1 ? 0 : k];
            c.defineConstant(node, 0, ConstTensor.ints(values.dtype, shape, out));
        }
    }

    private static long offset(long[] indices, int k, int depth, long[] strides) {
        long at = 0;
        for (int a = 0; a < depth; a++) at += indices[k * depth + a] * strides[a];
        return at;
    }

    private static ConstTensor filled(ConstTensor scalar, long[] shape) {
        int n = (int) Shapes.count(shape);
        if (scalar.dtype == DType.FLOAT) {
            float[] v = new float[n];
            Arrays.fill(v, scalar.floatValues()[0]);
            return ConstTensor.floats(shape, v);
        }
        long[] v = new long[n];
        Arrays.fill(v, scalar.longValues()[0]);
        return ConstTensor.ints(scalar.dtype, shape, v);
    }

    private static long[] minusOnes(int rank) {
        long[] s = new long[rank];
        Arrays.fill(s, -1);
        return s;
    }
}
