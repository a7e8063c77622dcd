package io.gureum.runtime.tfjs;

/**
 * Converts one TF op: reads the node's inputs from the {@link Conversion}, emits ONNX nodes, and
 * defines each output the graph uses. Implementations are grouped by op family (one class each).
 */
@FunctionalInterface
interface OpConverter {
    void convert(TfNode node, Conversion c);
}
