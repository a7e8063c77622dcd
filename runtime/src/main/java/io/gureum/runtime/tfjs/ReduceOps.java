package io.gureum.runtime.tfjs;

import java.util.Arrays;
import java.util.List;

/**
 * Reductions over constant axes (Mean, Sum, Max, Min, Prod, All, Any) and ArgMax/ArgMin.
 * Layout-neutral: the axes are mapped to where they are in the held layout, and what remains
 * keeps that layout (so a global average pool over an NCHW tensor needs no transpose).
 * At opset 13 only ReduceSum takes its axes as an input; the others take an attribute.
 */
final class ReduceOps {
    private ReduceOps() {}

    static void register(OpRegistry r) {
        r.add("Mean", (node, c) -> reduce(node, c, "ReduceMean"));
        r.add("Sum", (node, c) -> reduce(node, c, "ReduceSum"));
        r.add("Max", (node, c) -> reduce(node, c, "ReduceMax"));
        r.add("Min", (node, c) -> reduce(node, c, "ReduceMin"));
        r.add("Prod", (node, c) -> reduce(node, c, "ReduceProd"));
        r.add("All", (node, c) -> reduce(node, c, "ReduceMin"));
        r.add("Any", (node, c) -> reduce(node, c, "ReduceMax"));
        r.add("ArgMax", (node, c) -> arg(node, c, "ArgMax"));
        r.add("ArgMin", (node, c) -> arg(node, c, "ArgMin"));
    }

    private static void reduce(TfNode node, Conversion c, String onnxOp) {
        Value x = c.in(node, 0);
        if (!x.hasRank()) throw TfjsConversionException.at(node, "needs an input of known rank");
        long[] raw = c.constant(node, 1, "axes").longValues();
        boolean keep = node.bool("keep_dims", false);
        if (raw.length == 0) { // nothing to reduce: TF returns the input
            c.define(node, x);
            return;
        }
        int[] axes = Arrays.stream(raw).mapToInt(a -> Shapes.axis(a, x.rank())).distinct().sorted().toArray();
        long[] onnxAxes = Arrays.stream(axes).mapToLong(a -> Layout.onnxAxis(x.perm(), a)).sorted().toArray();
        boolean bool = x.dtype() == DType.BOOL; // ONNX reductions take no bools: All/Any run on 0/1 ints
        String in = bool ? c.cast(c.name(x), DType.INT32) : c.name(x);
        String out = bool ? c.unique(node.name() + "/int") : c.outName(node, 0);
        if (onnxOp.equals("ReduceSum")) {
            c.opNamed(onnxOp, out, List.of(in, c.int64s(onnxAxes)), OnnxGraphBuilder.attr("keepdims", keep ? 1L : 0L));
        } else {
            c.opNamed(onnxOp, out, List.of(in), OnnxGraphBuilder.attr("axes", onnxAxes), OnnxGraphBuilder.attr("keepdims", keep ? 1L : 0L));
        }
        if (bool) out = c.opNamed("Cast", c.outName(node, 0), List.of(out), OnnxGraphBuilder.attr("to", (long) DType.BOOL.onnx.getNumber()));
        long[] shape = x.shape().clone();
        for (int a : axes) shape[a] = 1;
        if (!keep) shape = Shapes.without(x.shape(), axes);
        c.define(node, Value.of(out, x.dtype(), shape, keep ? x.perm() : Layout.dropAxes(x.perm(), axes)));
    }

    /** ONNX returns int64 indices; tfjs has int32 only. */
    private static void arg(TfNode node, Conversion c, String onnxOp) {
        Value x = c.in(node, 0);
        if (!x.hasRank()) throw TfjsConversionException.at(node, "needs an input of known rank");
        int axis = Shapes.axis((long) c.constant(node, 1, "dimension").get(0), x.rank());
        String idx = c.op(onnxOp, node.name() + "/int64", List.of(c.name(x)),
                OnnxGraphBuilder.attr("axis", (long) Layout.onnxAxis(x.perm(), axis)), OnnxGraphBuilder.attr("keepdims", 0L));
        String out = c.opNamed("Cast", c.outName(node, 0), List.of(idx), OnnxGraphBuilder.attr("to", (long) DType.INT32.onnx.getNumber()));
        c.define(node, Value.of(out, DType.INT32, Shapes.without(x.shape(), axis), Layout.dropAxes(x.perm(), new int[]{axis})));
    }
}
