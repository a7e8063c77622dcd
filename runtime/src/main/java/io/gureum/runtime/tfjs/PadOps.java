package io.gureum.runtime.tfjs;

import java.util.ArrayList;
import java.util.List;

/**
 * Pad, PadV2 (with a fill value) and MirrorPad (REFLECT; SYMMETRIC has no ONNX mode). Layout-
 * neutral: the {@code [rank, 2]} paddings are reordered into the held layout. ONNX Runtime folds a
 * zero pad of the spatial axes into the convolution that follows.
 */
final class PadOps {
    private PadOps() {}

    static void register(OpRegistry r) {
        r.add("Pad", (node, c) -> pad(node, c, "constant", null));
        r.add("PadV2", (node, c) -> pad(node, c, "constant", c.in(node, 2)));
        r.add("MirrorPad", (node, c) -> {
            String mode = node.string("mode", "REFLECT");
            if (!mode.equals("REFLECT")) throw new UnsupportedOpException(node.op(), node.name(), "mode " + mode);
            pad(node, c, "reflect", null);
        });
    }

    private static void pad(TfNode node, Conversion c, String mode, Value fill) {
        Value x = c.in(node, 0);
        long[] paddings = c.constant(node, 1, "paddings").longValues();
        if (!x.hasRank() || paddings.length != 2L * x.rank()) {
            throw TfjsConversionException.at(node, "paddings must be [rank, 2] for an input of shape " + Shapes.toString(x.shape()));
        }
        int rank = x.rank();
        long[] pads = new long[2 * rank]; // ONNX: all begins, then all ends, in the held layout
        long[] shape = x.shape().clone();
        for (int j = 0; j < rank; j++) {
            int tfAxis = x.perm() == null ? j : x.perm()[j];
            pads[j] = paddings[2 * tfAxis];
            pads[rank + j] = paddings[2 * tfAxis + 1];
        }
        for (int a = 0; a < rank; a++) if (shape[a] >= 0) shape[a] += paddings[2 * a] + paddings[2 * a + 1];
        List<String> in = new ArrayList<>(List.of(c.name(x), c.int64s(pads)));
        if (fill != null) in.add(c.tf(fill));
        String out = c.opNamed("Pad", c.outName(node, 0), in, OnnxGraphBuilder.attr("mode", mode));
        c.define(node, Value.of(out, x.dtype(), shape, x.perm()));
    }
}
