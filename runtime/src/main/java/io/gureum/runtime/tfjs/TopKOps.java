package io.gureum.runtime.tfjs;

import java.util.List;

/** TopKV2 over the last axis; ONNX's int64 indices are cast to tfjs's int32. Ties: lower index first, as in tfjs. */
final class TopKOps {
    private TopKOps() {}

    static void register(OpRegistry r) {
        r.add("TopKV2", TopKOps::topK);
    }

    private static void topK(TfNode node, Conversion c) {
        Value x = c.in(node, 0);
        if (!x.hasRank()) throw TfjsConversionException.at(node, "needs an input of known rank");
        Value k = c.in(node, 1);
        long[] shape = x.shape().clone();
        shape[shape.length - 1] = k.isConstant() ? (long) k.constant().get(0) : -1;
        String kk = k.isConstant() ? c.int64s((long) k.constant().get(0))
                : c.op("Reshape", node.name() + "/k", List.of(c.int64(k), c.int64s(1)));
        int axis = Layout.onnxAxis(x.perm(), x.rank() - 1);
        String values = c.outName(node, 0);
        String indices = c.unique(node.name() + "/indices");
        c.opsNamed("TopK", List.of(values, indices), List.of(c.name(x), kk),
                OnnxGraphBuilder.attr("axis", (long) axis), OnnxGraphBuilder.attr("largest", 1L),
                OnnxGraphBuilder.attr("sorted", 1L));
        String idx = c.opNamed("Cast", c.outName(node, 1), List.of(indices), OnnxGraphBuilder.attr("to", (long) DType.INT32.onnx.getNumber()));
        c.define(node, 0, Value.of(values, x.dtype(), shape, x.perm()));
        c.define(node, 1, Value.of(idx, DType.INT32, shape, x.perm()));
    }
}
