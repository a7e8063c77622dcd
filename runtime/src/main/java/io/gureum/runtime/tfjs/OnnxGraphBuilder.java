package io.gureum.runtime.tfjs;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects ONNX nodes and initializers with the generated protobuf classes of {@code OnnxMl}, hands
 * out unique value names, and on {@link #build} keeps only what the graph outputs depend on (a
 * converter emits helpers, e.g. layout transposes, that later turn out unused).
 */
final class OnnxGraphBuilder {
    private final List<NodeProto> nodes = new ArrayList<>();
    private final Map<String, TensorProto> initializers = new LinkedHashMap<>();
    private final List<ValueInfoProto> inputs = new ArrayList<>();
    private final List<ValueInfoProto> outputs = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    /** Keeps {@code name} free for the caller, who will define a value with exactly that name. */
    void reserve(String name) {
        names.add(name);
    }

    /** A name not used before, close to {@code hint}. */
    String unique(String hint) {
        if (names.add(hint)) return hint;
        for (int k = 1; ; k++) {
            String candidate = hint + "_" + k;
            if (names.add(candidate)) return candidate;
        }
    }

    void input(String name, DType dtype, long[] shape) {
        inputs.add(valueInfo(name, dtype, shape));
    }

    void output(String name, DType dtype, long[] shape) {
        outputs.add(valueInfo(name, dtype, shape));
    }

    /** An initializer named exactly {@code name} (which the caller reserved). */
    String initializerNamed(String name, ConstTensor value) {
        initializers.put(name, value.toProto(name));
        return name;
    }

    String initializer(String hint, ConstTensor value) {
        String name = unique(hint);
        initializers.put(name, value.toProto(name));
        return name;
    }

    /** Adds a node; its outputs are named {@code outputs} as given (already unique). */
    void node(String opType, List<String> in, List<String> out, String nodeName, List<AttributeProto> attrs) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(opType).setName(nodeName);
        in.forEach(n::addInput);
        out.forEach(n::addOutput);
        attrs.forEach(n::addAttribute);
        nodes.add(n.build());
    }

    boolean produces(String value) {
        return nodes.stream().anyMatch(n -> n.getOutputList().contains(value));
    }

    /** Renames a node output everywhere (to free its name for a graph output). */
    void rename(String from, String to) {
        nodes.replaceAll(n -> {
            if (!n.getOutputList().contains(from) && !n.getInputList().contains(from)) return n;
            NodeProto.Builder b = n.toBuilder().clearInput().clearOutput();
            if (n.getName().equals(from)) b.setName(to); // nodes are named after their first output
            n.getInputList().forEach(i -> b.addInput(i.equals(from) ? to : i));
            n.getOutputList().forEach(o -> b.addOutput(o.equals(from) ? to : o));
            return b.build();
        });
    }

    GraphProto build(String graphName) {
        Map<String, NodeProto> producer = new HashMap<>();
        for (NodeProto n : nodes) for (String o : n.getOutputList()) producer.put(o, n);
        Set<NodeProto> live = new HashSet<>();
        Set<String> used = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        outputs.forEach(o -> todo.add(o.getName()));
        while (!todo.isEmpty()) {
            String value = todo.pop();
            if (!used.add(value)) continue;
            NodeProto n = producer.get(value);
            if (n != null && live.add(n)) n.getInputList().stream().filter(s -> !s.isEmpty()).forEach(todo::add);
        }
        GraphProto.Builder g = GraphProto.newBuilder().setName(graphName);
        nodes.stream().filter(live::contains).forEach(g::addNode); // emitted in topological order already
        initializers.forEach((name, t) -> { if (used.contains(name)) g.addInitializer(t); });
        g.addAllInput(inputs).addAllOutput(outputs);
        return g.build();
    }

    static ValueInfoProto valueInfo(String name, DType dtype, long[] shape) {
        TypeProto.Tensor.Builder t = TypeProto.Tensor.newBuilder().setElemType(dtype.onnx.getNumber());
        if (shape != null) {
            TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
            for (int k = 0; k < shape.length; k++) {
                TensorShapeProto.Dimension.Builder d = TensorShapeProto.Dimension.newBuilder();
                if (shape[k] >= 0) d.setDimValue(shape[k]);
                else d.setDimParam(k == 0 ? "batch" : name + "_d" + k);
                s.addDim(d);
            }
            t.setShape(s);
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(t)).build();
    }

    // Attribute helpers, so op converters read like the ONNX spec.

    static AttributeProto attr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto attr(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    static AttributeProto attr(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(com.google.protobuf.ByteString.copyFromUtf8(value)).build();
    }

    static AttributeProto attr(String name, long[] values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) a.addInts(v);
        return a.build();
    }

    static AttributeProto attr(String name, int[] values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (int v : values) a.addInts(v);
        return a.build();
    }

    static AttributeProto attr(String name, ConstTensor value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.TENSOR)
                .setT(value.toProto(name)).build();
    }
}
