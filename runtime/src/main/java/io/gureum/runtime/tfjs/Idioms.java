package io.gureum.runtime.tfjs;

import java.util.List;
import java.util.Optional;

/**
 * TF graphs spell some single operations as chains of element-wise ops; each link would stop ONNX
 * Runtime from fusing the activation into the convolution before it. Converters note what they
 * emitted ({@link Conversion#note}), and the last link of a chain becomes one ONNX op; the
 * earlier links are then unused and dropped with the rest of the dead nodes.
 * <ul>
 *   <li>clip: {@code Maximum(Minimum(x, hi), lo)} (Keras {@code ReLU(max_value=6)} and
 *       {@code clip_by_value}) becomes {@code Clip(x, lo, hi)};</li>
 *   <li>PReLU: {@code Relu(x) + (x - |x|) * k} (MobileFaceNet and other ports that write PReLU
 *       without a PReLU op) becomes {@code PRelu(x, 2k)}.</li>
 * </ul>
 */
final class Idioms {
    private Idioms() {}

    /** A Clip we emitted; {@code min}/{@code max} are scalar initializers or "" when absent. */
    record Clipped(Value input, String min, String max) {}

    record ReluOf(String x) {}

    record AbsOf(String x) {}

    /** {@code x - |x|}, twice the negative part of x. */
    record TwiceNegativePart(Value x) {}

    /** {@code (x - |x|) * k}, k a constant in TF's layout. */
    record ScaledNegativePart(Value x, ConstTensor k) {}

    /**
     * Minimum or Maximum of a float tensor and a constant scalar, as a Clip (merged with a Clip
     * that already bounds the other side). Empty when the operands are not of that form.
     */
    static Optional<Value> clip(TfNode node, Conversion c, Value a, Value b, boolean isMaximum) {
        Value x = a.isConstant() ? b : a;
        Value bound = a.isConstant() ? a : b;
        if (x.isConstant() || !bound.isConstant() || !x.dtype().isFloat() || Shapes.count(bound.shape()) != 1
                || !x.hasRank() || bound.rank() > x.rank()) {
            return Optional.empty();
        }
        String limit = c.scalar(DType.FLOAT, bound.constant().get(0));
        Value input = x;
        String min = isMaximum ? limit : "";
        String max = isMaximum ? "" : limit;
        Optional<Clipped> inner = c.fact(x, Clipped.class);
        if (inner.isPresent() && (isMaximum ? inner.get().min().isEmpty() : inner.get().max().isEmpty())) {
            input = inner.get().input();
            min = isMaximum ? limit : inner.get().min();
            max = isMaximum ? inner.get().max() : limit;
        }
        String out = c.opNamed("Clip", c.outName(node, 0), List.of(c.name(input), min, max));
        c.note(out, new Clipped(input, min, max));
        return Optional.of(Value.of(out, x.dtype(), input.shape(), input.perm()));
    }

    /** Notes for the PReLU idiom, called after each element-wise op is emitted. */
    static void noteSub(Conversion c, Value a, Value b, String out) {
        c.fact(b, AbsOf.class).filter(abs -> !a.isConstant() && abs.x().equals(a.onnx()))
                .ifPresent(abs -> c.note(out, new TwiceNegativePart(a)));
    }

    static void noteMul(Conversion c, Value a, Value b, String out) {
        Value other = a.isConstant() ? a : b;
        Value part = a.isConstant() ? b : a;
        if (!other.isConstant()) return;
        c.fact(part, TwiceNegativePart.class).ifPresent(t -> c.note(out, new ScaledNegativePart(t.x(), other.constant())));
    }

    /** {@code Relu(x) + (x - |x|) * k} as {@code PRelu(x, 2k)}; empty when the operands are not that. */
    static Optional<Value> prelu(TfNode node, Conversion c, Value a, Value b) {
        for (Value[] pair : new Value[][]{{a, b}, {b, a}}) {
            Optional<ReluOf> relu = c.fact(pair[0], ReluOf.class);
            Optional<ScaledNegativePart> neg = c.fact(pair[1], ScaledNegativePart.class);
            if (relu.isEmpty() || neg.isEmpty()) continue;
            Value x = neg.get().x();
            ConstTensor k = neg.get().k();
            if (!relu.get().x().equals(x.onnx()) || !x.hasRank() || k.dtype != DType.FLOAT
                    || !java.util.Arrays.equals(Shapes.broadcast(x.shape(), k.shape), x.shape())) {
                continue;
            }
            ConstTensor slope = ConstTensor.binary(k, ConstTensor.scalar(DType.FLOAT, 2), DType.FLOAT, (p, q) -> p * q, null);
            String out = c.opNamed("PRelu", c.outName(node, 0), List.of(x.onnx(), c.broadcastable(Value.constant(slope), x.rank(), x.perm())));
            return Optional.of(Value.of(out, x.dtype(), x.shape(), x.perm()));
        }
        return Optional.empty();
    }
}
