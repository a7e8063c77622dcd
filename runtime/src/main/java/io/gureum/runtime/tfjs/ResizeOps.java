package io.gureum.runtime.tfjs;

import java.util.List;

/**
 * ResizeBilinear and ResizeNearestNeighbor (4-D NHWC images) as ONNX Resize on the NCHW layout.
 * TF's two flags select the coordinate mapping: align_corners → {@code align_corners};
 * half_pixel_centers → {@code half_pixel} (bilinear) or {@code tf_half_pixel_for_nn} (nearest,
 * which then floors); neither → {@code asymmetric}. Nearest neighbour with align_corners rounds
 * halves up, like tfjs.
 */
final class ResizeOps {
    private ResizeOps() {}

    static void register(OpRegistry r) {
        r.add("ResizeBilinear", (node, c) -> resize(node, c, false));
        r.add("ResizeNearestNeighbor", (node, c) -> resize(node, c, true));
    }

    private static void resize(TfNode node, Conversion c, boolean nearest) {
        Value x = c.in(node, 0);
        if (!x.hasRank() || x.rank() != 4) throw TfjsConversionException.at(node, "needs a 4-D input");
        boolean alignCorners = node.bool("align_corners", false);
        boolean halfPixel = node.bool("half_pixel_centers", false);
        String mode = alignCorners ? "align_corners"
                : halfPixel ? (nearest ? "tf_half_pixel_for_nn" : "half_pixel") : "asymmetric";
        String image = c.layout(x, Layout.NCHW);
        Value size = c.in(node, 1);
        long n = x.shape()[0];
        long ch = x.shape()[3];
        long h = -1;
        long w = -1;
        String sizes;
        if (size.isConstant() && n >= 0 && ch >= 0) {
            h = (long) size.constant().get(0);
            w = (long) size.constant().get(1);
            sizes = c.int64s(n, ch, h, w);
        } else {
            if (size.isConstant()) {
                h = (long) size.constant().get(0);
                w = (long) size.constant().get(1);
            }
            String shape = c.op("Shape", node.name() + "/input_shape", List.of(image));
            String batchAndChannels = c.op("Slice", node.name() + "/nc", List.of(shape, c.int64s(0), c.int64s(2)));
            sizes = c.op("Concat", node.name() + "/sizes", List.of(batchAndChannels, c.int64(size)), OnnxGraphBuilder.attr("axis", 0L));
        }
        String out = c.opNamed("Resize", c.outName(node, 0), List.of(image, "", "", sizes),
                OnnxGraphBuilder.attr("mode", nearest ? "nearest" : "linear"),
                OnnxGraphBuilder.attr("coordinate_transformation_mode", mode),
                OnnxGraphBuilder.attr("nearest_mode", alignCorners ? "round_prefer_ceil" : "floor"));
        c.define(node, Value.of(out, x.dtype(), new long[]{n, h, w, ch}, Layout.NCHW));
    }
}
