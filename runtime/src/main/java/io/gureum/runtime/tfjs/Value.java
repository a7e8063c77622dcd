package io.gureum.runtime.tfjs;

/**
 * A TF tensor as the converted graph holds it.
 *
 * @param onnx     the ONNX value name; for a constant, the name its initializer gets (null: a fresh one)
 * @param dtype    element type as tfjs computes it
 * @param shape    the TF (logical) shape: -1 for dims known only at run time, null for an unknown rank
 * @param perm     how the ONNX value is laid out relative to the TF tensor (see {@link Layout}); null: as in TF
 * @param constant the value, when known at conversion time (held in TF layout)
 */
record Value(String onnx, DType dtype, long[] shape, int[] perm, ConstTensor constant) {

    static Value of(String onnx, DType dtype, long[] shape, int[] perm) {
        return new Value(onnx, dtype, shape, Layout.normalize(perm), null);
    }

    static Value constant(ConstTensor t) {
        return new Value(null, t.dtype, t.shape, null, t);
    }

    /** A Const node's value: placed (when an op needs it as an ONNX value) under the node's name. */
    static Value constant(String name, ConstTensor t) {
        return new Value(name, t.dtype, t.shape, null, t);
    }

    boolean isConstant() {
        return constant != null;
    }

    boolean hasRank() {
        return shape != null;
    }

    int rank() {
        if (shape == null) throw new IllegalStateException("unknown rank");
        return shape.length;
    }
}
