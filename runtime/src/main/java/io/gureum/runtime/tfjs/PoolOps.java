package io.gureum.runtime.tfjs;

import ai.onnx.proto.OnnxMl.AttributeProto;

import java.util.ArrayList;
import java.util.List;

/**
 * MaxPool and AvgPool, run NCHW like convolutions. TF's average excludes padding from the count,
 * which is ONNX's default (count_include_pad = 0).
 */
final class PoolOps {
    private PoolOps() {}

    static void register(OpRegistry r) {
        r.add("MaxPool", (node, c) -> pool(node, c, "MaxPool"));
        r.add("AvgPool", (node, c) -> pool(node, c, "AveragePool"));
    }

    private static void pool(TfNode node, Conversion c, String onnxOp) {
        Value x = c.in(node, 0);
        long[] ksize = node.ints("ksize");
        if (ksize.length != 4) throw TfjsConversionException.at(node, "needs a 4-D ksize");
        boolean nchw = node.string("data_format", "NHWC").startsWith("NC");
        if (ksize[0] != 1 || ksize[nchw ? 1 : 3] != 1) {
            throw new UnsupportedOpException(node.op(), node.name(), "pooling across the batch or channel axis");
        }
        Window window = Window.of(node, x.shape(), ksize[nchw ? 2 : 1], ksize[nchw ? 3 : 2]);
        List<AttributeProto> attrs = new ArrayList<>(window.attrs(false));
        String out = c.opNamed(onnxOp, c.outName(node, 0), List.of(c.layout(x, window.onnxLayout())), attrs.toArray(AttributeProto[]::new));
        long channels = x.hasRank() ? x.shape()[nchw ? 1 : 3] : -1;
        c.define(node, Value.of(out, x.dtype(), window.outputShape(x.shape(), channels), window.onnxLayout()));
    }
}
