package io.gureum.runtime.tfjs;

import java.util.List;
import java.util.Map;

/**
 * Activations, standalone and as the last step of a fused op ({@code _FusedConv2D},
 * {@code FusedDepthwiseConv2dNative}, {@code _FusedMatMul}). All layout-neutral except softmax,
 * whose axis follows the layout.
 */
final class ActivationOps {
    private static final Map<String, String> SIMPLE = Map.of(
            "Relu", "Relu", "Elu", "Elu", "Selu", "Selu", "Sigmoid", "Sigmoid", "Tanh", "Tanh",
            "Softplus", "Softplus", "Softsign", "Softsign");

    private ActivationOps() {}

    static void register(OpRegistry r) {
        SIMPLE.forEach((tf, onnx) -> r.add(tf, (node, c) -> {
            Value x = c.in(node, 0);
            String out = apply(c, node, tf, c.name(x), x, null, c.outName(node, 0));
            if (tf.equals("Relu")) c.note(out, new Idioms.ReluOf(c.name(x)));
            c.define(node, Value.of(out, x.dtype(), x.shape(), x.perm()));
        }));
        for (String op : new String[]{"Relu6", "LeakyRelu"}) {
            r.add(op, (node, c) -> {
                Value x = c.in(node, 0);
                c.define(node, Value.of(apply(c, node, op, c.name(x), x, null, c.outName(node, 0)), x.dtype(), x.shape(), x.perm()));
            });
        }
        r.add("Prelu", (node, c) -> {
            Value x = c.in(node, 0);
            c.define(node, Value.of(apply(c, node, "Prelu", c.name(x), x, c.in(node, 1), c.outName(node, 0)), x.dtype(), x.shape(), x.perm()));
        });
        r.add("ClipByValue", (node, c) -> {
            Value x = c.in(node, 0);
            String out = c.opNamed("Clip", c.outName(node, 0), List.of(c.name(x), c.tf(c.in(node, 1)), c.tf(c.in(node, 2))));
            c.define(node, Value.of(out, x.dtype(), x.shape(), x.perm()));
        });
        r.add("Softmax", (node, c) -> softmax(node, c, "Softmax"));
        r.add("LogSoftmax", (node, c) -> softmax(node, c, "LogSoftmax"));
    }

    /**
     * Applies activation {@code name} (a TF op name, case-insensitive as fused_ops spell them) to
     * {@code x}, which is held like {@code like}; {@code alpha} is PReLU's slope input.
     * Returns the ONNX name of the result, {@code out}.
     */
    static String apply(Conversion c, TfNode node, String name, String x, Value like, Value alpha, String out) {
        return switch (name.toLowerCase()) {
            case "relu" -> c.opNamed("Relu", out, List.of(x));
            case "relu6" -> c.opNamed("Clip", out, List.of(x, c.scalar(like.dtype(), 0), c.scalar(like.dtype(), 6)));
            case "elu" -> c.opNamed("Elu", out, List.of(x));
            case "selu" -> c.opNamed("Selu", out, List.of(x));
            case "sigmoid" -> c.opNamed("Sigmoid", out, List.of(x));
            case "tanh" -> c.opNamed("Tanh", out, List.of(x));
            case "softplus" -> c.opNamed("Softplus", out, List.of(x));
            case "softsign" -> c.opNamed("Softsign", out, List.of(x));
            case "leakyrelu" -> c.opNamed("LeakyRelu", out, List.of(x),
                    OnnxGraphBuilder.attr("alpha", node.floating(node.has("leakyrelu_alpha") ? "leakyrelu_alpha" : "alpha", 0.2f)));
            case "prelu" -> {
                if (alpha == null) throw TfjsConversionException.at(node, "PReLU needs a slope input");
                yield c.opNamed("PRelu", out, List.of(x, c.broadcastable(alpha, like.rank(), like.perm())));
            }
            default -> throw new UnsupportedOpException(node.op(), node.name(), "fused activation '" + name + "' is not supported");
        };
    }

    private static void softmax(TfNode node, Conversion c, String onnxOp) {
        Value x = c.in(node, 0);
        if (!x.hasRank()) throw TfjsConversionException.at(node, "needs an input of known rank");
        int axis = Layout.onnxAxis(x.perm(), x.rank() - 1); // TF normalizes over the last axis
        String out = c.opNamed(onnxOp, c.outName(node, 0), List.of(c.name(x)), OnnxGraphBuilder.attr("axis", (long) axis));
        c.define(node, Value.of(out, x.dtype(), x.shape(), x.perm()));
    }
}
