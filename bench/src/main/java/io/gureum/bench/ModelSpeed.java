package io.gureum.bench;

import io.gureum.runtime.models.InstalledModel;
import io.gureum.runtime.models.ModelPack;
import io.gureum.runtime.models.ModelStore;
import io.gureum.runtime.onnx.OnnxModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One inference of a single model, as ONNX Runtime runs Gureum's converted graph: the models the vision bench
 * also times in TensorFlow.js ({@link TfjsPeer}), from the same installed pack, with the same input shape.
 * A run is what a caller pays for one inference: the input copied into a tensor, the graph, every output copied out.
 */
final class ModelSpeed {
    /** A model and the input shape it is timed with (batch 1, the shape Gureum's services feed it). */
    record Case(String id, long... shape) {
        String shapeLabel() {
            return Arrays.toString(shape).replace(" ", "");
        }
    }

    static final List<Case> CASES = List.of(
            new Case("blazeface-back", 1, 256, 256, 3),
            new Case("faceres", 1, 224, 224, 3),
            new Case("emotion", 1, 64, 64, 1),
            new Case("nanodet", 1, 3, 416, 416));

    /**
     * How long runs took.
     *
     * @param runs measured runs
     */
    record Timing(int runs, double p50Ms, double p90Ms, double meanMs) {
        static Timing of(double[] millis) {
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            return new Timing(sorted.length, VisionReport.percentile(sorted, 0.5), VisionReport.percentile(sorted, 0.9),
                    Arrays.stream(sorted).average().orElse(Double.NaN));
        }
    }

    /** The installed pack of a case, or empty when it is not installed. */
    static Optional<InstalledModel> installed(ModelStore store, String id) {
        ModelPack pack = store.catalog().find(id, Optional.empty())
                .orElseThrow(() -> new IllegalStateException("the catalog has no pack " + id));
        return store.installed(pack);
    }

    /** The pack's original tfjs graph ({@code model.json}), which the tfjs peer loads. */
    static Path tfjsModel(ModelStore store, InstalledModel model) {
        ModelPack pack = store.catalog().find(model.card().id(), Optional.of(model.card().version())).orElseThrow();
        return model.file(pack.tfjsModelFile());
    }

    /**
     * Times {@code onnx} in a session of its own with {@code threads} intra-op threads: {@code warmUp} unmeasured
     * runs, then {@code runs} measured ones, stopping early after {@code maxSeconds} (but not before 3).
     */
    static Timing timeOrt(Path onnx, long[] shape, int threads, int warmUp, int runs, double maxSeconds) {
        try (OnnxModel model = OnnxModel.load(onnx, OnnxModel.Options.defaults().withIntraOpThreads(threads))) {
            if (model.inputNames().size() != 1) throw new IllegalStateException(onnx + " has inputs " + model.inputNames());
            Map<String, OnnxModel.Input> feeds = Map.of(model.inputNames().iterator().next(),
                    OnnxModel.Input.floats(input(shape), shape));
            for (int i = 0; i < warmUp; i++) model.run(feeds);
            List<Double> millis = new ArrayList<>();
            long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
            while (millis.size() < runs && (millis.size() < 3 || System.nanoTime() < deadline)) {
                long t0 = System.nanoTime();
                model.run(feeds);
                millis.add((System.nanoTime() - t0) / 1e6);
            }
            return Timing.of(millis.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /** Values in [0, 1) from the same 32-bit LCG as the tfjs peer's input (bench/node/tfjs-bench.mjs). */
    static float[] input(long[] shape) {
        long count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        float[] values = new float[Math.toIntExact(count)];
        int h = 12345;
        for (int i = 0; i < values.length; i++) {
            h = h * 1664525 + 1013904223;
            values[i] = (h >>> 24) / 256f;
        }
        return values;
    }

    private ModelSpeed() {}
}
