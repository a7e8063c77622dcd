package io.gureum.runtime.tfjs;

import java.util.ArrayList;
import java.util.List;

/**
 * Matrix products: MatMul and tfjs's {@code _FusedMatMul} (bias and activation fused, as
 * {@code fused_ops}) become Gemm for 2-D operands; BatchMatMul becomes MatMul with the last two
 * axes transposed where {@code adj_x}/{@code adj_y} ask.
 */
final class MatMulOps {
    private MatMulOps() {}

    static void register(OpRegistry r) {
        r.add("MatMul", (node, c) -> matMul(node, c, "transpose_a", "transpose_b"));
        r.add("_FusedMatMul", (node, c) -> matMul(node, c, "transpose_a", "transpose_b"));
        r.add("BatchMatMul", (node, c) -> matMul(node, c, "adj_x", "adj_y"));
        r.add("BatchMatMulV2", (node, c) -> matMul(node, c, "adj_x", "adj_y"));
    }

    private static void matMul(TfNode node, Conversion c, String transA, String transB) {
        Value a = c.in(node, 0);
        Value b = c.in(node, 1);
        boolean ta = node.bool(transA, false);
        boolean tb = node.bool(transB, false);
        if (!a.hasRank() || !b.hasRank()) throw TfjsConversionException.at(node, "needs operands of known rank");

        String bias = null;
        String activation = null;
        Value alpha = null;
        int arg = 2;
        for (String op : node.strings("fused_ops")) {
            switch (op) {
                case "BiasAdd" -> bias = c.tf(c.in(node, arg++));
                case "Prelu" -> {
                    activation = op;
                    alpha = c.in(node, arg++);
                }
                default -> {
                    if (activation != null) throw new UnsupportedOpException(node.op(), node.name(), "fused_ops " + node.strings("fused_ops"));
                    activation = op;
                }
            }
        }
        long[] shape = outputShape(a.shape(), b.shape(), ta, tb);
        String product = activation == null ? c.outName(node, 0) : c.unique(node.name() + "/matmul");
        if (a.rank() == 2 && b.rank() == 2) {
            List<String> in = new ArrayList<>(List.of(c.tf(a), c.tf(b)));
            if (bias != null) in.add(bias);
            c.opNamed("Gemm", product, in, OnnxGraphBuilder.attr("transA", ta ? 1L : 0L), OnnxGraphBuilder.attr("transB", tb ? 1L : 0L));
        } else {
            String left = ta ? swapLastTwo(c, a) : c.tf(a);
            String right = tb ? swapLastTwo(c, b) : c.tf(b);
            if (bias == null) {
                c.opNamed("MatMul", product, List.of(left, right));
            } else {
                String mm = c.op("MatMul", node.name() + "/product", List.of(left, right));
                c.opNamed("Add", product, List.of(mm, bias));
            }
        }
        Value like = Value.of(product, a.dtype(), shape, null);
        String out = activation == null ? product : ActivationOps.apply(c, node, activation, product, like, alpha, c.outName(node, 0));
        c.define(node, Value.of(out, a.dtype(), shape, null));
    }

    private static String swapLastTwo(Conversion c, Value v) {
        int[] perm = Layout.identity(v.rank());
        perm[v.rank() - 1] = v.rank() - 2;
        perm[v.rank() - 2] = v.rank() - 1;
        return c.op("Transpose", c.tf(v) + "/adj", List.of(c.tf(v)), OnnxGraphBuilder.attr("perm", perm));
    }

    private static long[] outputShape(long[] a, long[] b, boolean ta, boolean tb) {
        long m = ta ? a[a.length - 1] : a[a.length - 2];
        long n = tb ? b[b.length - 2] : b[b.length - 1];
        long[] batch = Shapes.broadcast(java.util.Arrays.copyOf(a, a.length - 2), java.util.Arrays.copyOf(b, b.length - 2));
        long[] out = java.util.Arrays.copyOf(batch, batch.length + 2);
        out[batch.length] = m;
        out[batch.length + 1] = n;
        return out;
    }
}
