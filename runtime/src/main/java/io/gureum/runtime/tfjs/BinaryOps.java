package io.gureum.runtime.tfjs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * Element-wise ops on two (or N) tensors with TF broadcasting. Layout-neutral: when one operand
 * is held as NCHW the others are laid out to match (constants at conversion time), and the result
 * stays NCHW. With all inputs constant the op is computed here instead (shape arithmetic in
 * converted graphs often is).
 */
final class BinaryOps {
    private BinaryOps() {}

    /** How one TF op computes: the ONNX op, and the arithmetic for folding (null: never folded). */
    private record Arith(String onnx, DoubleBinaryOperator onFloats, LongBinaryOperator onLongs, boolean comparison) {}

    static void register(OpRegistry r) {
        arith(r, "Add", new Arith("Add", Double::sum, Long::sum, false));
        arith(r, "AddV2", new Arith("Add", Double::sum, Long::sum, false));
        arith(r, "Sub", new Arith("Sub", (a, b) -> a - b, (a, b) -> a - b, false));
        arith(r, "Mul", new Arith("Mul", (a, b) -> a * b, (a, b) -> a * b, false));
        arith(r, "Maximum", new Arith("Max", Math::max, Math::max, false));
        arith(r, "Minimum", new Arith("Min", Math::min, Math::min, false));
        arith(r, "Pow", new Arith("Pow", Math::pow, (a, b) -> (long) Math.pow(a, b), false));
        arith(r, "Equal", new Arith("Equal", (a, b) -> a == b ? 1 : 0, (a, b) -> a == b ? 1 : 0, true));
        arith(r, "Less", new Arith("Less", (a, b) -> a < b ? 1 : 0, (a, b) -> a < b ? 1 : 0, true));
        arith(r, "LessEqual", new Arith("LessOrEqual", (a, b) -> a <= b ? 1 : 0, (a, b) -> a <= b ? 1 : 0, true));
        arith(r, "Greater", new Arith("Greater", (a, b) -> a > b ? 1 : 0, (a, b) -> a > b ? 1 : 0, true));
        arith(r, "GreaterEqual", new Arith("GreaterOrEqual", (a, b) -> a >= b ? 1 : 0, (a, b) -> a >= b ? 1 : 0, true));
        arith(r, "LogicalAnd", new Arith("And", null, (a, b) -> a != 0 && b != 0 ? 1 : 0, false));
        arith(r, "LogicalOr", new Arith("Or", null, (a, b) -> a != 0 || b != 0 ? 1 : 0, false));
        r.add("NotEqual", BinaryOps::notEqual);
        r.add("BiasAdd", BinaryOps::biasAdd);
        // tfjs divides integers with floor division, whichever of the TF division ops the graph has
        r.add("RealDiv", BinaryOps::divide);
        r.add("Div", BinaryOps::divide);
        r.add("FloorDiv", BinaryOps::floorDiv);
        r.add("FloorMod", BinaryOps::floorMod);
        r.add("Mod", BinaryOps::floorMod);
        r.add("SquaredDifference", BinaryOps::squaredDifference);
        r.add("DivNoNan", BinaryOps::divNoNan);
        r.add("AddN", BinaryOps::addN);
        r.add("SelectV2", BinaryOps::select);
        r.add("Select", BinaryOps::select);
    }

    /** Operands laid out alike for broadcasting, with the result's TF shape and layout. */
    record Aligned(List<String> names, long[] shape, int[] perm) {
        String a() {
            return names.get(0);
        }

        String b() {
            return names.get(1);
        }
    }

    static Aligned align(Conversion c, List<Value> operands) {
        long[] shape = operands.get(0).shape();
        for (Value v : operands.subList(1, operands.size())) shape = Shapes.broadcast(shape, v.shape());
        int[] perm = null;
        if (shape != null) {
            for (Value v : operands) {
                if (!v.isConstant() && v.perm() != null && v.rank() == shape.length) {
                    perm = v.perm();
                    break;
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (Value v : operands) names.add(shape == null ? c.tf(v) : c.broadcastable(v, shape.length, perm));
        return new Aligned(names, shape, perm);
    }

    private static void arith(OpRegistry r, String tfOp, Arith arith) {
        r.add(tfOp, (node, c) -> {
            Value a = c.in(node, 0);
            Value b = c.in(node, 1);
            DType out = arith.comparison ? DType.BOOL : a.dtype();
            if (a.isConstant() && b.isConstant() && (arith.onFloats != null || !a.dtype().isFloat())) {
                c.defineConstant(node, 0, ConstTensor.binary(a.constant(), b.constant(), out, arith.onFloats, arith.onLongs));
                return;
            }
            Optional<Value> idiom = switch (arith.onnx) {
                case "Max" -> Idioms.clip(node, c, a, b, true);
                case "Min" -> Idioms.clip(node, c, a, b, false);
                case "Add" -> Idioms.prelu(node, c, a, b);
                default -> Optional.empty();
            };
            if (idiom.isPresent()) {
                c.define(node, idiom.get());
                return;
            }
            Aligned x = align(c, List.of(a, b));
            String result = c.opNamed(arith.onnx, c.outName(node, 0), x.names());
            if (arith.onnx.equals("Sub")) Idioms.noteSub(c, a, b, result);
            if (arith.onnx.equals("Mul")) Idioms.noteMul(c, a, b, result);
            c.define(node, Value.of(result, out, x.shape(), x.perm()));
        });
    }

    private static void notEqual(TfNode node, Conversion c) {
        Aligned x = align(c, List.of(c.in(node, 0), c.in(node, 1)));
        String eq = c.op("Equal", node.name() + "/equal", x.names());
        c.define(node, Value.of(c.opNamed("Not", c.outName(node, 0), List.of(eq)), DType.BOOL, x.shape(), x.perm()));
    }

    /** BiasAdd: a per-channel vector on the last axis (NHWC), or on axis 1 with data_format NCHW. */
    private static void biasAdd(TfNode node, Conversion c) {
        Value x = c.in(node, 0);
        Value bias = c.in(node, 1);
        if (node.string("data_format", "NHWC").equals("NCHW") && x.hasRank() && x.rank() > 2) {
            long[] channelFirst = new long[x.rank() - 1];
            java.util.Arrays.fill(channelFirst, 1);
            channelFirst[0] = Shapes.count(bias.shape());
            String shaped = bias.isConstant()
                    ? c.name(Value.constant(bias.constant().reshape(channelFirst)))
                    : c.op("Reshape", node.name() + "/bias", List.of(c.tf(bias), c.int64s(channelFirst)));
            bias = Value.of(shaped, bias.dtype(), channelFirst, null);
        }
        Aligned a = align(c, List.of(x, bias));
        c.define(node, Value.of(c.opNamed("Add", c.outName(node, 0), a.names()), x.dtype(), a.shape(), a.perm()));
    }

    private static void divide(TfNode node, Conversion c) {
        Value a = c.in(node, 0);
        if (!a.dtype().isFloat()) {
            floorDiv(node, c);
            return;
        }
        if (a.isConstant() && c.in(node, 1).isConstant()) {
            c.defineConstant(node, 0, ConstTensor.binary(a.constant(), c.in(node, 1).constant(), DType.FLOAT, (x, y) -> x / y, null));
            return;
        }
        Aligned x = align(c, List.of(a, c.in(node, 1)));
        c.define(node, Value.of(c.opNamed("Div", c.outName(node, 0), x.names()), a.dtype(), x.shape(), x.perm()));
    }

    /** floor(a / b). For integers ONNX Div truncates, so: (a - floormod(a, b)) / b, which is exact. */
    private static void floorDiv(TfNode node, Conversion c) {
        Value a = c.in(node, 0);
        Value b = c.in(node, 1);
        if (a.isConstant() && b.isConstant()) {
            c.defineConstant(node, 0, ConstTensor.binary(a.constant(), b.constant(), a.dtype(),
                    (x, y) -> Math.floor(x / y), Math::floorDiv));
            return;
        }
        Aligned x = align(c, List.of(a, b));
        String out;
        if (a.dtype().isFloat()) {
            String div = c.op("Div", node.name() + "/div", x.names());
            out = c.opNamed("Floor", c.outName(node, 0), List.of(div));
        } else {
            String mod = c.op("Mod", node.name() + "/mod", x.names(), OnnxGraphBuilder.attr("fmod", 0L));
            String exact = c.op("Sub", node.name() + "/exact", List.of(x.a(), mod));
            out = c.opNamed("Div", c.outName(node, 0), List.of(exact, x.b()));
        }
        c.define(node, Value.of(out, a.dtype(), x.shape(), x.perm()));
    }

    /** The remainder with the divisor's sign (Python's %). ONNX Mod does that for integers only (fmod=0). */
    private static void floorMod(TfNode node, Conversion c) {
        Value a = c.in(node, 0);
        Value b = c.in(node, 1);
        if (a.isConstant() && b.isConstant()) {
            c.defineConstant(node, 0, ConstTensor.binary(a.constant(), b.constant(), a.dtype(),
                    (x, y) -> x - y * Math.floor(x / y), Math::floorMod));
            return;
        }
        Aligned x = align(c, List.of(a, b));
        String out;
        if (a.dtype().isFloat()) {
            String div = c.op("Div", node.name() + "/div", x.names());
            String floor = c.op("Floor", node.name() + "/floor", List.of(div));
            String times = c.op("Mul", node.name() + "/times", List.of(floor, x.b()));
            out = c.opNamed("Sub", c.outName(node, 0), List.of(x.a(), times));
        } else {
            out = c.opNamed("Mod", c.outName(node, 0), x.names(), OnnxGraphBuilder.attr("fmod", 0L));
        }
        c.define(node, Value.of(out, a.dtype(), x.shape(), x.perm()));
    }

    private static void squaredDifference(TfNode node, Conversion c) {
        Aligned x = align(c, List.of(c.in(node, 0), c.in(node, 1)));
        String diff = c.op("Sub", node.name() + "/diff", x.names());
        c.define(node, Value.of(c.opNamed("Mul", c.outName(node, 0), List.of(diff, diff)), c.in(node, 0).dtype(), x.shape(), x.perm()));
    }

    private static void divNoNan(TfNode node, Conversion c) {
        Value a = c.in(node, 0);
        Aligned x = align(c, List.of(a, c.in(node, 1)));
        String zero = c.scalar(a.dtype(), 0);
        String isZero = c.op("Equal", node.name() + "/is_zero", List.of(x.b(), zero));
        String div = c.op("Div", node.name() + "/div", x.names());
        c.define(node, Value.of(c.opNamed("Where", c.outName(node, 0), List.of(isZero, zero, div)), a.dtype(), x.shape(), x.perm()));
    }

    /** Where(cond, x, y). The old Select picks whole rows of x/y with a 1-D condition. */
    private static void select(TfNode node, Conversion c) {
        Value cond = c.in(node, 0);
        Value x = c.in(node, 1);
        Value y = c.in(node, 2);
        if (node.op().equals("Select") && cond.hasRank() && x.hasRank() && cond.rank() == 1 && x.rank() > 1) {
            long[] rows = new long[x.rank()];
            java.util.Arrays.fill(rows, 1);
            rows[0] = cond.shape()[0];
            String reshaped = c.op("Reshape", node.name() + "/rows", List.of(c.tf(cond), c.int64s(rows)));
            cond = Value.of(reshaped, DType.BOOL, rows, null);
        }
        Aligned a = align(c, List.of(cond, x, y));
        c.define(node, Value.of(c.opNamed("Where", c.outName(node, 0), a.names()), x.dtype(), a.shape(), a.perm()));
    }

    private static void addN(TfNode node, Conversion c) {
        List<Value> in = new ArrayList<>();
        for (int i = 0; i < c.inputCount(node); i++) in.add(c.in(node, i));
        Aligned x = align(c, in);
        c.define(node, Value.of(c.opNamed("Sum", c.outName(node, 0), x.names()), in.get(0).dtype(), x.shape(), x.perm()));
    }
}
