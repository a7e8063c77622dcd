package io.gureum.runtime.tfjs;

import ai.onnx.proto.OnnxMl.AttributeProto;

import java.util.ArrayList;
import java.util.List;

/**
 * 2-D convolutions, plain and depthwise, with tfjs's fused forms: {@code _FusedConv2D} and
 * {@code FusedDepthwiseConv2dNative} carry {@code fused_ops} such as {@code [BiasAdd, Relu]},
 * whose extra operands (bias, PReLU slope) follow the filter. ONNX Conv runs NCHW; the result is
 * left NCHW for the next op to use as is (see {@link Layout}). Filters, TF's HWIO, are transposed
 * to ONNX's OIHW here, once.
 */
final class ConvOps {
    private ConvOps() {}

    static void register(OpRegistry r) {
        r.add("Conv2D", (node, c) -> convert(node, c, false));
        r.add("_FusedConv2D", (node, c) -> convert(node, c, false));
        r.add("DepthwiseConv2dNative", (node, c) -> convert(node, c, true));
        r.add("DepthwiseConv2d", (node, c) -> convert(node, c, true));
        r.add("FusedDepthwiseConv2dNative", (node, c) -> convert(node, c, true));
        r.add("Conv2DBackpropInput", ConvOps::transposed);
        r.add("DepthToSpace", ConvOps::depthToSpace);
    }

    /**
     * Conv2DBackpropInput (a transposed convolution, as upsampling layers export) to ConvTranspose.
     * The output size is an input of the TF op; the pads crop the full output to it exactly as the
     * forward convolution of that size would have padded (SAME: the odd pixel at the end).
     */
    private static void transposed(TfNode node, Conversion c) {
        long[] size = c.constant(node, 0, "input_sizes").longValues();
        Value filter = c.in(node, 1);
        Value x = c.in(node, 2);
        if (filter.shape() == null || filter.rank() != 4 || size.length != 4) {
            throw TfjsConversionException.at(node, "needs a 4-D filter and 4 output sizes");
        }
        long[] f = filter.shape(); // [kh, kw, out channels, in channels]
        Window window = Window.of(node, null, f[0], f[1]);
        boolean nchw = window.channelsFirst();
        int h = nchw ? 2 : 1;
        int w = nchw ? 3 : 2;
        if (!x.hasRank() || x.shape()[h] < 0 || x.shape()[w] < 0) {
            throw TfjsConversionException.at(node, "needs the input's height and width before run time");
        }
        long[] pads = new long[4];
        long[] extra = new long[2];
        long[] in = {x.shape()[h], x.shape()[w]};
        long[] out = {size[h], size[w]};
        boolean same = node.string("padding", "VALID").equals("SAME");
        if (!same && !node.string("padding", "VALID").equals("VALID")) {
            throw new UnsupportedOpException(node.op(), node.name(), "padding " + node.string("padding", ""));
        }
        for (int a = 0; a < 2; a++) {
            long full = window.strides()[a] * (in[a] - 1) + (f[a] - 1) * window.dilations()[a] + 1;
            long total = full - out[a];
            if (total < 0) {
                extra[a] = -total; // the forward convolution left input pixels unused at the end
            } else if (same) {
                pads[a] = total / 2;
                pads[a + 2] = total - total / 2;
            } else if (total > 0) {
                throw TfjsConversionException.at(node, "output size " + out[a] + " is smaller than a VALID transposed convolution gives");
            }
        }
        String weights = c.layout(filter, new int[]{3, 2, 0, 1}); // [in, out, kh, kw]
        String result = c.opNamed("ConvTranspose", c.outName(node, 0), List.of(c.layout(x, window.onnxLayout()), weights),
                OnnxGraphBuilder.attr("kernel_shape", window.kernel()), OnnxGraphBuilder.attr("strides", window.strides()),
                OnnxGraphBuilder.attr("dilations", window.dilations()), OnnxGraphBuilder.attr("pads", pads),
                OnnxGraphBuilder.attr("output_padding", extra));
        long[] shape = size.clone();
        shape[0] = x.shape()[0];
        c.define(node, Value.of(result, x.dtype(), shape, window.onnxLayout()));
    }

    /** DepthToSpace: TF's NHWC channel order is ONNX's DCR mode, applied on NCHW. (tfjs has no SpaceToDepth.) */
    private static void depthToSpace(TfNode node, Conversion c) {
        Value x = c.in(node, 0);
        if (!x.hasRank() || x.rank() != 4) throw TfjsConversionException.at(node, "needs a 4-D input");
        if (node.string("data_format", "NHWC").startsWith("NC")) {
            throw new UnsupportedOpException(node.op(), node.name(), "data_format NCHW");
        }
        long b = node.integer("block_size", 2);
        long[] s = x.shape().clone();
        for (int a = 1; a <= 2; a++) if (s[a] >= 0) s[a] = s[a] * b;
        if (s[3] >= 0) s[3] = s[3] / (b * b);
        String out = c.opNamed("DepthToSpace", c.outName(node, 0), List.of(c.layout(x, Layout.NCHW)),
                OnnxGraphBuilder.attr("blocksize", b), OnnxGraphBuilder.attr("mode", "DCR"));
        c.define(node, Value.of(out, x.dtype(), s, Layout.NCHW));
    }

    private static void convert(TfNode node, Conversion c, boolean depthwise) {
        Value x = c.in(node, 0);
        Value filter = c.in(node, 1);
        if (filter.shape() == null || filter.rank() != 4) throw TfjsConversionException.at(node, "needs a 4-D filter");
        long[] f = filter.shape(); // [kh, kw, in, out] (depthwise: [kh, kw, in, multiplier])
        Window window = Window.of(node, x.shape(), f[0], f[1]);
        long outChannels = depthwise ? f[2] * f[3] : f[3];

        List<String> inputs = new ArrayList<>();
        inputs.add(c.layout(x, window.onnxLayout()));
        inputs.add(depthwise ? depthwiseWeights(node, c, filter) : convWeights(node, c, filter));
        List<AttributeProto> attrs = new ArrayList<>(window.attrs(true));
        long group = depthwise ? f[2] : groups(x, f, window);
        if (group != 1) attrs.add(OnnxGraphBuilder.attr("group", group));

        List<String> fused = node.strings("fused_ops");
        int arg = 2;
        String activation = null;
        Value alpha = null;
        for (String op : fused) {
            switch (op) {
                case "BiasAdd" -> inputs.add(c.tf(c.in(node, arg++)));
                case "Prelu" -> {
                    activation = op;
                    alpha = c.in(node, arg++);
                }
                default -> {
                    if (activation != null) throw new UnsupportedOpException(node.op(), node.name(), "fused_ops " + fused);
                    activation = op;
                }
            }
        }
        long[] shape = window.outputShape(x.shape(), outChannels);
        Value like = Value.of(null, x.dtype(), shape, window.onnxLayout());
        String conv = activation == null
                ? c.opNamed("Conv", c.outName(node, 0), inputs, attrs.toArray(AttributeProto[]::new))
                : c.op("Conv", node.name() + "/conv", inputs, attrs.toArray(AttributeProto[]::new));
        String out = activation == null ? conv : ActivationOps.apply(c, node, activation, conv, like, alpha, c.outName(node, 0));
        c.define(node, Value.of(out, x.dtype(), shape, window.onnxLayout()));
    }

    /** TF groups a convolution when the input has k times the filter's input channels. */
    private static long groups(Value x, long[] f, Window window) {
        if (!x.hasRank()) return 1;
        long in = x.shape()[window.channelsFirst() ? 1 : 3];
        return in > 0 && in != f[2] && in % f[2] == 0 ? in / f[2] : 1;
    }

    /** HWIO to OIHW. */
    private static String convWeights(TfNode node, Conversion c, Value filter) {
        int[] hwioToOihw = {3, 2, 0, 1};
        return c.layout(filter, hwioToOihw);
    }

    /** [kh, kw, in, mult] to [in * mult, 1, kh, kw]: output channel i * mult + m reads input channel i. */
    private static String depthwiseWeights(TfNode node, Conversion c, Value filter) {
        long[] f = filter.shape();
        ConstTensor w = c.constant(node, 1, "filter")
                .reshape(f[0], f[1], f[2] * f[3])
                .transpose(new int[]{2, 0, 1})
                .reshape(f[2] * f[3], 1, f[0], f[1]);
        return c.place(w, node.name() + "/weights");
    }
}
