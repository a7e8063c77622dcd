package io.gureum.runtime.tfjs;

import java.util.List;

/**
 * NonMaxSuppression V2 to V5 (single class, boxes as [y1, x1, y2, x2] corners) as ONNX
 * NonMaxSuppression on a batch of one: a box survives when its score is above the score
 * threshold and its IoU with every box kept before it is at most the IoU threshold, in score
 * order — the same rule as tfjs. Soft-NMS (sigma != 0) and padded outputs are not supported.
 */
final class NmsOps {
    private NmsOps() {}

    static void register(OpRegistry r) {
        r.add("NonMaxSuppressionV2", (node, c) -> nms(node, c, false, false));
        r.add("NonMaxSuppressionV3", (node, c) -> nms(node, c, true, false));
        r.add("NonMaxSuppressionV4", (node, c) -> nms(node, c, true, true));
        r.add("NonMaxSuppressionV5", (node, c) -> nms(node, c, true, true));
    }

    private static void nms(TfNode node, Conversion c, boolean hasScoreThreshold, boolean hasValidCount) {
        if (node.bool("pad_to_max_output_size", false)) {
            throw new UnsupportedOpException(node.op(), node.name(), "pad_to_max_output_size = true");
        }
        boolean v5 = node.op().equals("NonMaxSuppressionV5");
        if (v5 && c.constant(node, 5, "soft_nms_sigma").get(0) != 0) {
            throw new UnsupportedOpException(node.op(), node.name(), "soft-NMS (soft_nms_sigma != 0)");
        }
        Value scores = c.in(node, 1);
        String boxes = c.op("Unsqueeze", node.name() + "/boxes", List.of(c.tf(c.in(node, 0)), c.int64s(0)));
        String batchScores = c.op("Unsqueeze", node.name() + "/scores", List.of(c.tf(scores), c.int64s(0, 1)));
        String max = c.op("Reshape", node.name() + "/max", List.of(c.int64(c.in(node, 2)), c.int64s(1)));
        String iou = c.op("Reshape", node.name() + "/iou", List.of(c.tf(c.in(node, 3)), c.int64s(1)));
        List<String> in = hasScoreThreshold
                ? List.of(boxes, batchScores, max, iou, c.op("Reshape", node.name() + "/min_score", List.of(c.tf(c.in(node, 4)), c.int64s(1))))
                : List.of(boxes, batchScores, max, iou);
        String selected = c.op("NonMaxSuppression", node.name() + "/selected", in, OnnxGraphBuilder.attr("center_point_box", 0L));
        String column = c.op("Gather", node.name() + "/box_index", List.of(selected, c.int64s(2)), OnnxGraphBuilder.attr("axis", 1L));
        String flat = c.op("Squeeze", node.name() + "/flat", List.of(column, c.int64s(1)));
        String indices = c.opNamed("Cast", c.outName(node, 0), List.of(flat), OnnxGraphBuilder.attr("to", (long) DType.INT32.onnx.getNumber()));
        c.define(node, 0, Value.of(indices, DType.INT32, new long[]{-1}, null));
        int next = 1;
        if (v5) {
            String picked = c.opNamed("Gather", c.outName(node, next), List.of(c.tf(scores), flat), OnnxGraphBuilder.attr("axis", 0L));
            c.define(node, next++, Value.of(picked, scores.dtype(), new long[]{-1}, null));
        }
        if (hasValidCount) {
            String size = c.op("Size", node.name() + "/count", List.of(flat));
            String count = c.opNamed("Cast", c.outName(node, next), List.of(size), OnnxGraphBuilder.attr("to", (long) DType.INT32.onnx.getNumber()));
            c.define(node, next, Value.of(count, DType.INT32, new long[0], null));
        }
    }
}
