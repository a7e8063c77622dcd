package io.gureum.runtime.tfjs;

import java.util.ArrayList;
import java.util.List;

/**
 * Gather (GatherV2 with batch_dims 0, and the old Gather) and GatherNd. A gather with scalar or
 * 1-D indices keeps the held layout; ONNX GatherND wants int64 indices.
 */
final class GatherOps {
    private GatherOps() {}

    static void register(OpRegistry r) {
        r.add("GatherV2", (node, c) -> gather(node, c, (long) c.constant(node, 2, "axis").get(0)));
        r.add("Gather", (node, c) -> gather(node, c, 0));
        r.add("GatherNd", GatherOps::gatherNd);
    }

    private static void gather(TfNode node, Conversion c, long rawAxis) {
        if (node.integer("batch_dims", 0) != 0) throw new UnsupportedOpException(node.op(), node.name(), "batch_dims != 0");
        Value params = c.in(node, 0);
        Value indices = c.in(node, 1);
        if (!params.hasRank() || !indices.hasRank()) throw TfjsConversionException.at(node, "needs inputs of known rank");
        int axis = Shapes.axis(rawAxis, params.rank());
        List<Long> shape = new ArrayList<>();
        for (int a = 0; a < axis; a++) shape.add(params.shape()[a]);
        for (long d : indices.shape()) shape.add(d);
        for (int a = axis + 1; a < params.rank(); a++) shape.add(params.shape()[a]);
        long[] outShape = shape.stream().mapToLong(Long::longValue).toArray();
        if (params.isConstant() && indices.isConstant()) {
            long[][] index = new long[params.rank()][];
            for (int a = 0; a < params.rank(); a++) {
                index[a] = a == axis ? indices.constant().longValues() : range(params.shape()[a]);
            }
            c.defineConstant(node, 0, params.constant().select(index).reshape(outShape));
            return;
        }
        int[] perm = indices.rank() <= 1 ? params.perm() : null;
        String out = c.opNamed("Gather", c.outName(node, 0), List.of(c.layout(params, perm), c.tf(indices)),
                OnnxGraphBuilder.attr("axis", (long) Layout.onnxAxis(perm, axis)));
        int[] outPerm = indices.rank() == 1 ? perm : Layout.dropAxes(perm, new int[]{axis});
        c.define(node, Value.of(out, params.dtype(), outShape, outPerm));
    }

    private static void gatherNd(TfNode node, Conversion c) {
        Value params = c.in(node, 0);
        Value indices = c.in(node, 1);
        long[] shape = null;
        if (params.hasRank() && indices.hasRank() && indices.shape()[indices.rank() - 1] >= 0) {
            int depth = (int) indices.shape()[indices.rank() - 1];
            List<Long> s = new ArrayList<>();
            for (int a = 0; a < indices.rank() - 1; a++) s.add(indices.shape()[a]);
            for (int a = depth; a < params.rank(); a++) s.add(params.shape()[a]);
            shape = s.stream().mapToLong(Long::longValue).toArray();
        }
        String out = c.opNamed("GatherND", c.outName(node, 0), List.of(c.tf(params), c.int64(indices)));
        c.define(node, Value.of(out, params.dtype(), shape, null));
    }

    private static long[] range(long n) {
        long[] r = new long[(int) n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }
}
