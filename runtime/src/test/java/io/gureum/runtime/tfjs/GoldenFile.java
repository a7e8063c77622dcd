package io.gureum.runtime.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.runtime.onnx.OnnxModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A golden file written by {@code src/test/golden/generate.mjs}: the inputs (as seeds of the
 * shared formula) and tfjs's outputs, whole or sampled.
 */
record GoldenFile(String pack, String file, String reference, List<Input> inputs, List<Output> outputs) {

    record Input(String name, String dtype, long[] shape, double lo, double hi, int seed) {
        /** The formula generate.mjs uses (a 32-bit LCG's top byte scaled into [lo, hi]), bit for bit. */
        Object values() {
            int count = (int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            int h = seed;
            if (dtype.equals("int32")) {
                int[] v = new int[count];
                for (int i = 0; i < count; i++) {
                    h = h * 1664525 + 1013904223;
                    v[i] = (int) (lo + Math.floor((hi - lo + 1) * (h >>> 24) / 256.0));
                }
                return v;
            }
            float[] v = new float[count];
            for (int i = 0; i < count; i++) {
                h = h * 1664525 + 1013904223;
                v[i] = (float) (lo + (hi - lo) * (h >>> 24) / 255.0);
            }
            return v;
        }
    }

    /** {@code indices} is null when {@code values} holds the whole output. */
    record Output(String name, long[] shape, double mean, long[] indices, double[] values) {}

    /** The golden outputs of a converted catalog pack ({@code golden/<id>.json}). */
    static GoldenFile pack(String id) {
        return resource("io/gureum/runtime/tfjs/golden/" + id + ".json");
    }

    /** The golden outputs of an op case ({@code ops/<name>/golden.json}, beside its model.json). */
    static GoldenFile opCase(String name) {
        return resource(OP_CASES + "/" + name + "/golden.json");
    }

    static final String OP_CASES = "io/gureum/runtime/tfjs/ops";

    private static GoldenFile resource(String resource) {
        try (InputStream in = GoldenFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing test resource " + resource);
            JsonNode g = new ObjectMapper().readTree(in);
            List<Input> inputs = new ArrayList<>();
            for (JsonNode i : g.path("inputs")) {
                inputs.add(new Input(i.path("name").asText(), i.path("dtype").asText(), longs(i.path("shape")),
                        i.path("lo").asDouble(), i.path("hi").asDouble(), i.path("seed").asInt()));
            }
            List<Output> outputs = new ArrayList<>();
            for (JsonNode o : g.path("outputs")) {
                double[] values = new double[o.path("values").size()];
                for (int k = 0; k < values.length; k++) values[k] = o.path("values").get(k).asDouble();
                outputs.add(new Output(o.path("name").asText(), longs(o.path("shape")), o.path("mean").asDouble(),
                        o.has("indices") ? longs(o.path("indices")) : null, values));
            }
            return new GoldenFile(g.path("pack").asText(null), g.path("file").asText(), g.path("reference").asText(), inputs, outputs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The inputs as ONNX Runtime feeds. */
    Map<String, OnnxModel.Input> feeds() {
        Map<String, OnnxModel.Input> feeds = new LinkedHashMap<>();
        for (Input in : inputs) feeds.put(in.name(), new OnnxModel.Input(in.values(), in.shape()));
        return feeds;
    }

    private static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int k = 0; k < out.length; k++) out[k] = array.get(k).asLong();
        return out;
    }
}
