package io.gureum.runtime.tfjs;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** TF op name to converter. {@link #defaults()} holds every op family this importer supports. */
final class OpRegistry {
    private final Map<String, OpConverter> byOp = new TreeMap<>();

    static OpRegistry defaults() {
        OpRegistry r = new OpRegistry();
        PassThroughOps.register(r);
        UnaryOps.register(r);
        BinaryOps.register(r);
        ActivationOps.register(r);
        ConvOps.register(r);
        PoolOps.register(r);
        MatMulOps.register(r);
        NormalizationOps.register(r);
        ReduceOps.register(r);
        ReshapeOps.register(r);
        ConcatSplitOps.register(r);
        PadOps.register(r);
        SliceOps.register(r);
        GatherOps.register(r);
        ResizeOps.register(r);
        ShapeOps.register(r);
        TopKOps.register(r);
        NmsOps.register(r);
        return r;
    }

    void add(String op, OpConverter converter) {
        if (byOp.putIfAbsent(op, converter) != null) throw new IllegalStateException(op + " registered twice");
    }

    Optional<OpConverter> find(String op) {
        return Optional.ofNullable(byOp.get(op));
    }

    Set<String> ops() {
        return Collections.unmodifiableSet(byOp.keySet());
    }
}
