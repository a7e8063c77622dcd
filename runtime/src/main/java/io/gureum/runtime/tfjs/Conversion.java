package io.gureum.runtime.tfjs;

import ai.onnx.proto.OnnxMl.AttributeProto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The state of one conversion, as op converters see it: the converted value of every TF tensor
 * so far, layout changes on demand (each made once and reused), constants placed as initializers
 * once, and emitting ONNX nodes.
 */
final class Conversion {
    private final OnnxGraphBuilder graph;
    private final Map<String, Value> values = new HashMap<>();
    private final Map<String, String> layouts = new HashMap<>();
    private final Map<ConstTensor, Map<String, String>> placed = new IdentityHashMap<>();
    private final Map<String, String> smallConstants = new HashMap<>();
    private final Map<String, Object> facts = new HashMap<>();

    Conversion(OnnxGraphBuilder graph) {
        this.graph = graph;
    }

    // ---- reading a node's inputs

    /** The converted value of input {@code i} of {@code node}. */
    Value in(TfNode node, int i) {
        if (i >= node.inputs().size()) {
            throw TfjsConversionException.at(node, "expects at least " + (i + 1) + " inputs but has " + node.inputs().size());
        }
        return value(node.inputs().get(i));
    }

    int inputCount(TfNode node) {
        return node.inputs().size();
    }

    /** Input {@code i}, which must be known at conversion time ({@code what} names it in the error). */
    ConstTensor constant(TfNode node, int i, String what) {
        Value v = in(node, i);
        if (!v.isConstant()) {
            throw new UnsupportedOpException(node.op(), node.name(), "the " + what + " input must be a constant, but it is computed at run time");
        }
        return v.constant();
    }

    Value value(String tfRef) {
        Value v = values.get(normalize(tfRef));
        if (v == null) throw new TfjsConversionException("tensor '" + tfRef + "' is used before it is defined");
        return v;
    }

    // ---- defining a node's outputs

    /** The ONNX name the k-th output of {@code node} gets when an ONNX node computes it directly. */
    String outName(TfNode node, int k) {
        return TfNode.tensorName(node.name(), k);
    }

    void define(TfNode node, int k, Value v) {
        values.put(TfNode.tensorName(node.name(), k), v);
    }

    void define(TfNode node, Value v) {
        define(node, 0, v);
    }

    void defineConstant(TfNode node, int k, ConstTensor t) {
        define(node, k, Value.constant(t));
    }

    // ---- ONNX names of values, in the layout an op needs

    /** The ONNX name of {@code v} as it is held (placing a constant if needed). */
    String name(Value v) {
        if (!v.isConstant()) return v.onnx();
        // a Const node's own value keeps the node's (reserved) name; other constants get a fresh one
        return placed.computeIfAbsent(v.constant(), k -> new HashMap<>()).computeIfAbsent("",
                f -> v.onnx() != null ? graph.initializerNamed(v.onnx(), v.constant()) : graph.initializer("const", v.constant()));
    }

    /** {@code v} laid out as TF has it. */
    String tf(Value v) {
        return layout(v, null);
    }

    /** {@code v} held as {@code perm} (relative to TF; null = TF's own layout), transposing once if needed. */
    String layout(Value v, int[] perm) {
        perm = Layout.normalize(perm);
        if (v.isConstant()) {
            int[] p = perm;
            return perm == null ? name(v) : placeForm(v, Arrays.toString(p), () -> v.constant().transpose(p));
        }
        if (Layout.same(v.perm(), perm)) return v.onnx();
        int[] step = Layout.between(v.perm(), perm, v.rank());
        String key = v.onnx() + Arrays.toString(step); // the physical transpose: values may share an ONNX name
        String done = layouts.get(key);
        if (done != null) return done;
        String out = op("Transpose", v.onnx() + (perm == null ? "/tf" : "/perm"), List.of(v.onnx()),
                OnnxGraphBuilder.attr("perm", step));
        layouts.put(key, out);
        return out;
    }

    /**
     * {@code v} ready to broadcast against a rank-{@code rank} value held as {@code perm}: TF
     * broadcasting aligns trailing dims, so a lower-rank operand is first given leading 1s, then
     * laid out like the other operand.
     */
    String broadcastable(Value v, int rank, int[] perm) {
        perm = Layout.normalize(perm);
        if (perm == null || !v.hasRank()) return tf(v);
        if (v.rank() == rank) return layout(v, perm);
        if (v.isConstant() && Shapes.count(v.shape()) == 1) return name(v); // scalars broadcast in any layout
        if (v.isConstant()) {
            long[] padded = new long[rank];
            Arrays.fill(padded, 1);
            System.arraycopy(v.shape(), 0, padded, rank - v.rank(), v.rank());
            int[] p = perm;
            return placeForm(v, rank + Arrays.toString(p), () -> v.constant().reshape(padded).transpose(p));
        }
        long[] leading = new long[rank - v.rank()];
        for (int k = 0; k < leading.length; k++) leading[k] = k;
        String expanded = op("Unsqueeze", v.onnx() + "/rank" + rank, List.of(tf(v), int64s(leading)));
        return op("Transpose", expanded + "/perm", List.of(expanded), OnnxGraphBuilder.attr("perm", perm));
    }

    /** A constant computed by a converter (folded weights, reshaped parameters), placed as an initializer. */
    String place(ConstTensor t, String hint) {
        return graph.initializer(hint, t);
    }

    /** A derived form of a constant (transposed, cast, ...), placed once per constant and form. */
    private String placeForm(Value v, String form, Supplier<ConstTensor> make) {
        String hint = (v.onnx() != null ? v.onnx() : "const") + "/" + (form.startsWith("[") || Character.isDigit(form.charAt(0)) ? "perm" : form);
        return placed.computeIfAbsent(v.constant(), k -> new HashMap<>()).computeIfAbsent(form, f -> graph.initializer(hint, make.get()));
    }

    /** A small int64 vector (axes, pads, sizes), shared by every node that needs the same one. */
    String int64s(long... values) {
        return smallConstants.computeIfAbsent("i64" + Arrays.toString(values), k -> graph.initializer("const", ConstTensor.int64s(values)));
    }

    String scalar(DType dtype, double value) {
        return smallConstants.computeIfAbsent(dtype + ":" + value, k -> graph.initializer("const", ConstTensor.scalar(dtype, value)));
    }

    /** {@code v} as int64 (what ONNX wants for shapes, axes and indices). */
    String int64(Value v) {
        if (v.isConstant()) return placeForm(v, "int64", () -> v.constant().cast(DType.INT64));
        return op("Cast", v.onnx() + "/int64", List.of(tf(v)), OnnxGraphBuilder.attr("to", (long) DType.INT64.onnx.getNumber()));
    }

    // ---- facts about emitted values, for rewriting TF idioms into single ONNX ops (see Idioms)

    void note(String onnx, Object fact) {
        facts.put(onnx, fact);
    }

    /** A fact noted about the ONNX value {@code v} is held as, if it is of {@code type}. */
    <T> Optional<T> fact(Value v, Class<T> type) {
        if (v.isConstant()) return Optional.empty();
        Object f = facts.get(v.onnx());
        return type.isInstance(f) ? Optional.of(type.cast(f)) : Optional.empty();
    }

    // ---- emitting ONNX nodes

    /** A fresh value name near {@code hint}, for a node the caller emits with {@link #opNamed}. */
    String unique(String hint) {
        return graph.unique(hint);
    }

    /** Adds a one-output node; the output gets a fresh name near {@code hint}. */
    String op(String opType, String hint, List<String> inputs, AttributeProto... attrs) {
        String out = graph.unique(hint);
        graph.node(opType, inputs, List.of(out), out, List.of(attrs));
        return out;
    }

    /** Adds a one-output node whose output is named exactly {@code out} (a reserved TF tensor name). */
    String opNamed(String opType, String out, List<String> inputs, AttributeProto... attrs) {
        graph.node(opType, inputs, List.of(out), out, List.of(attrs));
        return out;
    }

    /** Adds a node with {@code count} outputs named after {@code hint}. */
    List<String> ops(String opType, String hint, List<String> inputs, int count, AttributeProto... attrs) {
        List<String> outs = new ArrayList<>();
        for (int k = 0; k < count; k++) outs.add(graph.unique(k == 0 ? hint : hint + ":" + k));
        graph.node(opType, inputs, outs, outs.get(0), List.of(attrs));
        return outs;
    }

    /** Adds a node whose outputs are named exactly {@code outs} (reserved TF tensor names). */
    void opsNamed(String opType, List<String> outs, List<String> inputs, AttributeProto... attrs) {
        graph.node(opType, inputs, outs, outs.get(0), List.of(attrs));
    }

    String cast(String onnx, DType to) {
        return op("Cast", onnx + "/" + to.name().toLowerCase(), List.of(onnx), OnnxGraphBuilder.attr("to", (long) to.onnx.getNumber()));
    }

    private static String normalize(String ref) {
        return TfNode.tensorName(TfNode.nodeOf(ref), TfNode.indexOf(ref));
    }
}
