package io.gureum.runtime.tfjs;

/** Ops that change nothing at inference time: the output is the input, no ONNX node needed. */
final class PassThroughOps {
    private PassThroughOps() {}

    static void register(OpRegistry r) {
        for (String op : new String[]{"Identity", "StopGradient", "Snapshot", "PreventGradient", "EnsureShape",
                "CheckNumerics", "PlaceholderWithDefault"}) {
            r.add(op, (node, c) -> c.define(node, c.in(node, 0)));
        }
        r.add("IdentityN", (node, c) -> {
            for (int k = 0; k < c.inputCount(node); k++) c.define(node, k, c.in(node, k));
        });
    }
}
