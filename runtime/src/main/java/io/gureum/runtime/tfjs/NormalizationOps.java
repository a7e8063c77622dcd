package io.gureum.runtime.tfjs;

import java.util.Arrays;
import java.util.List;

/**
 * Inference-time batch normalization, {@code (x - mean) * scale / sqrt(variance + epsilon) + offset}.
 * With constant parameters (the usual case) it is folded here into one multiply and one add per
 * channel, which ONNX Runtime then fuses into the preceding convolution.
 */
final class NormalizationOps {
    private NormalizationOps() {}

    static void register(OpRegistry r) {
        for (String op : new String[]{"FusedBatchNorm", "FusedBatchNormV2", "FusedBatchNormV3"}) {
            r.add(op, NormalizationOps::batchNorm);
        }
    }

    private static void batchNorm(TfNode node, Conversion c) {
        Value x = c.in(node, 0);
        if (node.bool("is_training", false)) {
            throw new UnsupportedOpException(node.op(), node.name(), "is_training = true (batch statistics)");
        }
        float epsilon = node.floating("epsilon", 1e-3f);
        boolean nchw = node.string("data_format", "NHWC").startsWith("NC");
        Value scale = c.in(node, 1);
        Value offset = c.in(node, 2);
        Value mean = c.in(node, 3);
        Value variance = c.in(node, 4);
        Value mul;
        Value add;
        if (scale.isConstant() && offset.isConstant() && mean.isConstant() && variance.isConstant()) {
            float[] s = scale.constant().floatValues();
            float[] o = offset.constant().floatValues();
            float[] m = mean.constant().floatValues();
            float[] v = variance.constant().floatValues();
            float[] a = new float[s.length];
            float[] b = new float[s.length];
            for (int i = 0; i < s.length; i++) {
                double k = s[i] / Math.sqrt(v[i] + (double) epsilon);
                a[i] = (float) k;
                b[i] = (float) (o[i] - m[i] * k);
            }
            mul = Value.constant(ConstTensor.floats(channelShape(s.length, x, nchw), a));
            add = Value.constant(ConstTensor.floats(channelShape(s.length, x, nchw), b));
        } else {
            throw new UnsupportedOpException(node.op(), node.name(), "batch normalization with parameters computed at run time");
        }
        BinaryOps.Aligned scaled = BinaryOps.align(c, List.of(x, mul));
        String product = c.op("Mul", node.name() + "/scale", scaled.names());
        Value productValue = Value.of(product, x.dtype(), scaled.shape(), scaled.perm());
        BinaryOps.Aligned shifted = BinaryOps.align(c, List.of(productValue, add));
        String out = c.opNamed("Add", c.outName(node, 0), shifted.names());
        c.define(node, Value.of(out, x.dtype(), shifted.shape(), shifted.perm()));
    }

    /** [C] broadcasts on the last axis (NHWC); NCHW needs [C, 1, 1]. */
    private static long[] channelShape(int channels, Value x, boolean nchw) {
        if (!nchw) return new long[]{channels};
        long[] shape = new long[x.rank() - 1];
        Arrays.fill(shape, 1);
        shape[0] = channels;
        return shape;
    }
}
