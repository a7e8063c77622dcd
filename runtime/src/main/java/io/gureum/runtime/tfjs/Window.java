package io.gureum.runtime.tfjs;

import ai.onnx.proto.OnnxMl.AttributeProto;

import java.util.ArrayList;
import java.util.List;

/**
 * The sliding-window geometry that convolutions and pools share, from TF's 4-D attributes
 * ({@code strides}, {@code dilations}, {@code padding}, {@code data_format}) to ONNX's 2-D ones.
 * TF's SAME puts the odd pad pixel at the end, as ONNX's SAME_UPPER does; pads are still written
 * out explicitly whenever the input size is known, so nothing depends on auto_pad.
 */
record Window(boolean channelsFirst, long[] kernel, long[] strides, long[] dilations, long[] pads, String autoPad) {

    static Window of(TfNode node, long[] inputShape, long kernelH, long kernelW) {
        boolean nchw = node.string("data_format", "NHWC").startsWith("NC");
        int h = nchw ? 2 : 1;
        int w = nchw ? 3 : 2;
        long[] strides = spatial(node.ints("strides"), h, w);
        long[] dilations = spatial(node.ints("dilations"), h, w);
        long[] kernel = {kernelH, kernelW};
        String padding = node.string("padding", "VALID");
        long[] pads = null;
        String autoPad = null;
        switch (padding) {
            case "VALID" -> pads = new long[4];
            case "EXPLICIT" -> {
                long[] e = node.ints("explicit_paddings");
                if (e.length != 8) throw TfjsConversionException.at(node, "EXPLICIT padding needs 8 explicit_paddings");
                pads = new long[]{e[2 * h], e[2 * w], e[2 * h + 1], e[2 * w + 1]};
            }
            case "SAME" -> {
                long inH = inputShape == null ? -1 : inputShape[h];
                long inW = inputShape == null ? -1 : inputShape[w];
                if (inH >= 0 && inW >= 0) {
                    long[] ph = same(inH, kernelH, strides[0], dilations[0]);
                    long[] pw = same(inW, kernelW, strides[1], dilations[1]);
                    pads = new long[]{ph[0], pw[0], ph[1], pw[1]};
                } else {
                    autoPad = "SAME_UPPER";
                }
            }
            default -> throw new UnsupportedOpException(node.op(), node.name(), "padding '" + padding + "'");
        }
        return new Window(nchw, kernel, strides, dilations, pads, autoPad);
    }

    /** TF's SAME: output ceil(in / stride), total pad split with the extra pixel after. */
    private static long[] same(long in, long k, long s, long d) {
        long out = (in + s - 1) / s;
        long total = Math.max((out - 1) * s + (k - 1) * d + 1 - in, 0);
        return new long[]{total / 2, total - total / 2};
    }

    private static long[] spatial(long[] fourD, int h, int w) {
        return fourD.length == 4 ? new long[]{fourD[h], fourD[w]} : new long[]{1, 1};
    }

    /** The layout ONNX needs the input in: NCHW, which is TF's own order for data_format NCHW. */
    int[] onnxLayout() {
        return channelsFirst ? null : Layout.NCHW;
    }

    /** The TF output shape for an input of TF shape {@code in} and {@code channels} output channels. */
    long[] outputShape(long[] in, long channels) {
        if (in == null) return null;
        int h = channelsFirst ? 2 : 1;
        int w = channelsFirst ? 3 : 2;
        long[] out = in.clone();
        out[h] = outSize(in[h], 0);
        out[w] = outSize(in[w], 1);
        out[channelsFirst ? 1 : 3] = channels;
        return out;
    }

    private long outSize(long in, int axis) {
        if (in < 0) return -1;
        long span = (kernel[axis] - 1) * dilations[axis] + 1;
        if (autoPad != null) return (in + strides[axis] - 1) / strides[axis];
        return (in + pads[axis] + pads[axis + 2] - span) / strides[axis] + 1;
    }

    /** kernel_shape, strides, pads (or auto_pad) and, for convolutions, dilations. */
    List<AttributeProto> attrs(boolean withDilations) {
        List<AttributeProto> a = new ArrayList<>();
        a.add(OnnxGraphBuilder.attr("kernel_shape", kernel));
        a.add(OnnxGraphBuilder.attr("strides", strides));
        if (withDilations) a.add(OnnxGraphBuilder.attr("dilations", dilations));
        a.add(autoPad != null ? OnnxGraphBuilder.attr("auto_pad", autoPad) : OnnxGraphBuilder.attr("pads", pads));
        return a;
    }
}
