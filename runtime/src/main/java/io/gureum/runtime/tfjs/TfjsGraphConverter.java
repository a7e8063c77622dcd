package io.gureum.runtime.tfjs;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.Version;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Converts a TensorFlow.js graph model ({@code model.json}: a GraphDef as JSON plus a weights
 * manifest and {@code .bin} shards) into an ONNX model that ONNX Runtime runs, computing what the
 * tfjs runtime computes.
 *
 * <p>How: the nodes the model's outputs depend on are converted in dependency order by op
 * converters found by op name ({@link OpRegistry}); an op without one fails the conversion with
 * an {@link UnsupportedOpException} naming the op and node. Weights are decoded as tfjs decodes
 * them (float16 and uint8/uint16-quantized included) and stored as float32/int32 initializers.
 * TF graphs are NHWC; convolutions and pools run NCHW in ONNX, and the converter carries the NCHW
 * layout from one conv to the next through layout-neutral ops (element-wise, pads, concats,
 * reductions, ...), so transposes appear only where a layout-sensitive op (reshape, slice, an
 * output) needs the TF order. Inputs and outputs keep their TF shapes and names ({@code node} for a
 * node's first output, {@code node:k} for others; a signature's keys where the model has one).
 *
 * <p>The model is written with the ONNX protobuf classes that Tribuo's {@code tribuo-util-onnx}
 * generates ({@code ai.onnx.proto.OnnxMl}), at opset {@value #OPSET}.
 */
public final class TfjsGraphConverter {
    /** Recorded in model cards; bump when the ONNX produced for a given model changes. */
    public static final String VERSION = "1.0";
    public static final int OPSET = 13;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpRegistry registry = OpRegistry.defaults();

    /** The TF op names this converter maps (besides Const and Placeholder). */
    public Set<String> supportedOps() {
        return new TreeSet<>(registry.ops());
    }

    /** Converts the model and writes it to {@code onnxFile}; returns what it wrote. */
    public ModelProto convert(Path modelJson, Path onnxFile) throws IOException {
        ModelProto model = convert(modelJson);
        Path parent = onnxFile.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (OutputStream out = Files.newOutputStream(onnxFile)) {
            model.writeTo(out);
        }
        return model;
    }

    public ModelProto convert(Path modelJson) throws IOException {
        JsonNode root = JSON.readTree(modelJson.toFile());
        String format = root.path("format").asText("graph-model");
        if (!format.equals("graph-model")) {
            throw new TfjsConversionException(modelJson.getFileName() + " is a tfjs " + format
                    + "; only graph models (tensorflowjs_converter --output_format=tfjs_graph_model) can be converted");
        }
        JsonNode topology = root.path("modelTopology");
        if (!topology.path("node").isArray()) {
            throw new TfjsConversionException(modelJson.getFileName() + " has no modelTopology.node list; is it a tfjs graph model?");
        }
        Map<String, TfNode> nodes = new LinkedHashMap<>();
        for (JsonNode n : topology.path("node")) {
            TfNode node = TfNode.of(n);
            nodes.put(node.name(), node);
        }
        Map<String, ConstTensor> weights = WeightsReader.read(root.path("weightsManifest"),
                modelJson.toAbsolutePath().getParent());
        JsonNode signature = root.path("userDefinedMetadata").has("signature")
                ? root.path("userDefinedMetadata").path("signature") : root.path("signature");

        Map<String, String> outputs = outputs(signature, nodes); // ONNX name -> TF tensor
        Map<String, String> inputNames = inputNames(signature);  // Placeholder node -> ONNX name

        OnnxGraphBuilder graph = new OnnxGraphBuilder();
        nodes.keySet().forEach(graph::reserve);
        outputs.keySet().forEach(graph::reserve);
        inputNames.values().forEach(graph::reserve);
        Conversion c = new Conversion(graph);
        for (TfNode node : inDependencyOrder(nodes, outputs.values())) {
            switch (node.op()) {
                case "Const" -> c.define(node, Value.constant(node.name(), constant(node, weights)));
                case "Placeholder" -> {
                    String name = inputNames.getOrDefault(node.name(), node.name());
                    DType dtype = node.type("dtype").orElse(DType.FLOAT);
                    long[] shape = node.shape("shape");
                    graph.input(name, dtype, shape);
                    c.define(node, Value.of(name, dtype, shape, null));
                }
                default -> {
                    OpConverter op = registry.find(node.op())
                            .orElseThrow(() -> new UnsupportedOpException(node.op(), node.name(), null));
                    try {
                        op.convert(node, c);
                    } catch (TfjsConversionException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        throw new TfjsConversionException(node.op() + " node '" + node.name() + "': " + e.getMessage(), e);
                    }
                }
            }
        }
        // Outputs in TF's layout under their own names. A name may already be taken by the value
        // held in another layout (a conv's NCHW result named after its TF node): that one is renamed.
        Map<String, String> held = new LinkedHashMap<>();
        for (Map.Entry<String, String> out : outputs.entrySet()) held.put(out.getKey(), c.tf(c.value(out.getValue())));
        for (Map.Entry<String, String> out : held.entrySet()) {
            String name = out.getKey();
            if (out.getValue().equals(name) || !graph.produces(name)) continue;
            String moved = graph.unique(name + "/held");
            graph.rename(name, moved);
            held.replaceAll((k, v) -> v.equals(name) ? moved : v);
        }
        for (Map.Entry<String, String> out : held.entrySet()) {
            if (!out.getValue().equals(out.getKey())) c.opNamed("Identity", out.getKey(), List.of(out.getValue()));
            Value v = c.value(outputs.get(out.getKey()));
            graph.output(out.getKey(), v.dtype(), v.shape());
        }
        return ModelProto.newBuilder()
                .setIrVersion(Version.IR_VERSION_2020_5_8_VALUE) // IR 7: what opset 13 needs
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName("gureum-tfjs-importer")
                .setProducerVersion(VERSION)
                .setDocString("Converted from the TensorFlow.js graph model " + modelJson.getFileName())
                .addMetadataProps(meta("tfjs.generatedBy", root.path("generatedBy").asText("")))
                .addMetadataProps(meta("tfjs.convertedBy", root.path("convertedBy").asText("")))
                .setGraph(graph.build(modelJson.getFileName().toString().replaceFirst("\\.json$", "")))
                .build();
    }

    /** The model's outputs: its signature's, else (as tfjs does) every node nothing consumes. */
    private static Map<String, String> outputs(JsonNode signature, Map<String, TfNode> nodes) {
        Map<String, String> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = signature.path("outputs").fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> e = entries.next();
            String tensor = e.getValue().path("name").asText(e.getKey());
            if (nodes.containsKey(TfNode.nodeOf(tensor))) out.put(onnxName(e.getKey()), tensor);
        }
        if (!out.isEmpty()) return out;
        Set<String> consumed = new HashSet<>();
        nodes.values().forEach(n -> n.inputs().forEach(i -> consumed.add(TfNode.nodeOf(i))));
        for (TfNode n : nodes.values()) {
            if (!consumed.contains(n.name()) && !n.op().equals("Const") && !n.op().equals("NoOp")) out.put(n.name(), n.name());
        }
        if (out.isEmpty()) throw new TfjsConversionException("the graph has no outputs");
        return out;
    }

    private static Map<String, String> inputNames(JsonNode signature) {
        Map<String, String> names = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = signature.path("inputs").fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> e = entries.next();
            names.put(TfNode.nodeOf(e.getValue().path("name").asText(e.getKey())), onnxName(e.getKey()));
        }
        return names;
    }

    /** A signature key as an ONNX name: TF's {@code ":0"} suffix of a first output is dropped. */
    private static String onnxName(String key) {
        return key.endsWith(":0") ? key.substring(0, key.length() - 2) : key;
    }

    /** The nodes the outputs depend on, each after its inputs (iterative: graphs can be deep). */
    private static List<TfNode> inDependencyOrder(Map<String, TfNode> nodes, Iterable<String> outputs) {
        List<TfNode> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> onPath = new HashSet<>();
        for (String output : outputs) {
            Deque<Object[]> stack = new ArrayDeque<>(); // {node, next input index}
            TfNode start = require(nodes, TfNode.nodeOf(output), "the output");
            if (done.contains(start.name())) continue;
            stack.push(new Object[]{start, 0});
            onPath.add(start.name());
            while (!stack.isEmpty()) {
                Object[] top = stack.peek();
                TfNode node = (TfNode) top[0];
                int next = (int) top[1];
                if (next < node.inputs().size()) {
                    top[1] = next + 1;
                    TfNode in = require(nodes, TfNode.nodeOf(node.inputs().get(next)), "node '" + node.name() + "'");
                    if (done.contains(in.name())) continue;
                    if (!onPath.add(in.name())) {
                        throw new UnsupportedOpException(in.op(), in.name(), "the graph has a cycle (control flow loops are not supported)");
                    }
                    stack.push(new Object[]{in, 0});
                } else {
                    stack.pop();
                    onPath.remove(node.name());
                    done.add(node.name());
                    order.add(node);
                }
            }
        }
        return order;
    }

    private static TfNode require(Map<String, TfNode> nodes, String name, String user) {
        TfNode node = nodes.get(name);
        if (node == null) throw new TfjsConversionException(user + " refers to node '" + name + "', which the graph does not have");
        return node;
    }

    private static ConstTensor constant(TfNode node, Map<String, ConstTensor> weights) {
        ConstTensor t = weights.get(node.name());
        if (t == null) {
            throw new TfjsConversionException("Const node '" + node.name() + "' has no entry in the weights manifest");
        }
        return t;
    }

    private static StringStringEntryProto meta(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }
}
