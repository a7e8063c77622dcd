package io.gureum.runtime.tfjs;

import java.util.List;
import java.util.Map;

/** Element-wise math on one tensor. Layout-neutral: the output is held like the input. */
final class UnaryOps {
    private static final Map<String, String> SAME_NAME = Map.ofEntries(
            Map.entry("Abs", "Abs"), Map.entry("Neg", "Neg"), Map.entry("Exp", "Exp"), Map.entry("Log", "Log"),
            Map.entry("Sqrt", "Sqrt"), Map.entry("Floor", "Floor"), Map.entry("Ceil", "Ceil"), Map.entry("Round", "Round"),
            Map.entry("Sin", "Sin"), Map.entry("Cos", "Cos"), Map.entry("Tan", "Tan"), Map.entry("Asin", "Asin"),
            Map.entry("Acos", "Acos"), Map.entry("Atan", "Atan"), Map.entry("Sinh", "Sinh"), Map.entry("Cosh", "Cosh"),
            Map.entry("Asinh", "Asinh"), Map.entry("Acosh", "Acosh"), Map.entry("Atanh", "Atanh"), Map.entry("Erf", "Erf"),
            Map.entry("Sign", "Sign"), Map.entry("Reciprocal", "Reciprocal"), Map.entry("Inv", "Reciprocal"),
            Map.entry("LogicalNot", "Not"));

    private UnaryOps() {}

    static void register(OpRegistry r) {
        SAME_NAME.forEach((tf, onnx) -> r.add(tf, (node, c) -> unary(node, c, onnx)));
        r.add("IsNan", (node, c) -> {
            Value x = c.in(node, 0);
            c.define(node, Value.of(c.opNamed("IsNaN", c.outName(node, 0), List.of(c.name(x))), DType.BOOL, x.shape(), x.perm()));
        });
        r.add("Rsqrt", (node, c) -> {
            Value x = c.in(node, 0);
            String sqrt = c.op("Sqrt", node.name() + "/sqrt", List.of(c.name(x)));
            define(node, c, x, c.opNamed("Reciprocal", c.outName(node, 0), List.of(sqrt)));
        });
        r.add("Square", (node, c) -> {
            Value x = c.in(node, 0);
            define(node, c, x, c.opNamed("Mul", c.outName(node, 0), List.of(c.name(x), c.name(x))));
        });
        r.add("Log1p", (node, c) -> {
            Value x = c.in(node, 0);
            String plus = c.op("Add", node.name() + "/plus1", List.of(c.name(x), c.scalar(x.dtype(), 1)));
            define(node, c, x, c.opNamed("Log", c.outName(node, 0), List.of(plus)));
        });
        r.add("Expm1", (node, c) -> {
            Value x = c.in(node, 0);
            String exp = c.op("Exp", node.name() + "/exp", List.of(c.name(x)));
            define(node, c, x, c.opNamed("Sub", c.outName(node, 0), List.of(exp, c.scalar(x.dtype(), 1))));
        });
        r.add("Cast", UnaryOps::cast);
    }

    private static void unary(TfNode node, Conversion c, String onnxOp) {
        Value x = c.in(node, 0);
        String out = c.opNamed(onnxOp, c.outName(node, 0), List.of(c.name(x)));
        if (onnxOp.equals("Abs")) c.note(out, new Idioms.AbsOf(c.name(x)));
        define(node, c, x, out);
    }

    private static void define(TfNode node, Conversion c, Value like, String onnx) {
        c.define(node, Value.of(onnx, like.dtype(), like.shape(), like.perm()));
    }

    private static void cast(TfNode node, Conversion c) {
        Value x = c.in(node, 0);
        DType to = node.type("DstT").orElseThrow(() -> TfjsConversionException.at(node, "has no DstT"));
        if (x.isConstant()) {
            c.defineConstant(node, 0, x.constant().cast(to));
        } else if (to == x.dtype()) {
            c.define(node, x);
        } else {
            String out = c.opNamed("Cast", c.outName(node, 0), List.of(c.name(x)),
                    OnnxGraphBuilder.attr("to", (long) to.onnx.getNumber()));
            c.define(node, Value.of(out, to, x.shape(), x.perm()));
        }
    }
}
