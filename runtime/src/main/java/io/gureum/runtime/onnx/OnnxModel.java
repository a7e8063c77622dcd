package io.gureum.runtime.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * One ONNX model loaded into ONNX Runtime: a single {@link OrtSession}, shared by every thread
 * ({@code run} is thread-safe), with its thread pool sized on purpose rather than left to
 * defaults. Inputs are passed as plain arrays and outputs read back as arrays, so callers never
 * hold native tensors; {@link #close()} frees the session.
 */
public final class OnnxModel implements AutoCloseable {
    private static final long LOADER_STACK_BYTES = 64L << 20;
    private final String name;
    private final OrtSession session;
    private final Map<String, NodeInfo> inputs;
    private final Map<String, NodeInfo> outputs;

    /**
     * @param intraOpThreads threads one run may use (ORT's intra-op pool); requests running in
     *                       parallel each get this many, so a server sizes it to cores / concurrency
     * @param optimizedModel where ORT writes the graph it actually runs (after its optimizations),
     *                       or null; for inspecting what a converted model became
     */
    public record Options(int intraOpThreads, Path optimizedModel) {
        public Options {
            if (intraOpThreads < 1) throw new IllegalArgumentException("intraOpThreads must be >= 1");
        }

        /** All cores for one run: right for a single caller (tests, benchmarks, CLI jobs). */
        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), null);
        }

        public Options withIntraOpThreads(int threads) {
            return new Options(threads, optimizedModel);
        }

        public Options withOptimizedModel(Path file) {
            return new Options(intraOpThreads, file);
        }
    }

    private OnnxModel(String name, OrtSession session) throws OrtException {
        this.name = name;
        this.session = session;
        this.inputs = Collections.unmodifiableMap(new LinkedHashMap<>(session.getInputInfo()));
        this.outputs = Collections.unmodifiableMap(new LinkedHashMap<>(session.getOutputInfo()));
    }

    public static OnnxModel load(Path file) {
        return load(file, Options.defaults());
    }

    public static OnnxModel load(Path file, Options options) {
        // Creating a session runs ONNX Runtime's graph optimizers on the calling thread, and they need more
        // stack than a JVM thread's default 1 MB: a server thread overflowed it and the process died with
        // SIGSEGV (no JVM error report). So the native work runs on a thread with a stack sized for it.
        FutureTask<OnnxModel> loading = new FutureTask<>(() -> create(file, options));
        Thread loader = new Thread(null, loading, "onnx-load-" + file.getFileName(), LOADER_STACK_BYTES);
        loader.setDaemon(true);
        loader.start();
        try {
            return loading.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new OnnxModelException("ONNX Runtime cannot load " + file + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OnnxModelException("interrupted while loading " + file, e);
        }
    }

    private static OnnxModel create(Path file, Options options) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setIntraOpNumThreads(options.intraOpThreads());
            so.setInterOpNumThreads(1); // the graphs here are chains; parallelism is inside ops
            so.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (options.optimizedModel() != null) so.setOptimizedModelFilePath(options.optimizedModel().toString());
            return new OnnxModel(file.getFileName().toString(), env.createSession(file.toString(), so));
        } catch (OrtException e) {
            throw new OnnxModelException("ONNX Runtime cannot load " + file + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public Set<String> inputNames() {
        return inputs.keySet();
    }

    public Set<String> outputNames() {
        return outputs.keySet();
    }

    /** An input's or output's shape as the model declares it; -1 for dims fixed only at run time. */
    public long[] shapeOf(String inputOrOutput) {
        NodeInfo info = inputs.containsKey(inputOrOutput) ? inputs.get(inputOrOutput) : outputs.get(inputOrOutput);
        if (info == null) throw new IllegalArgumentException(name + " has no input or output '" + inputOrOutput + "'");
        if (!(info.getInfo() instanceof TensorInfo t)) throw new IllegalArgumentException("'" + inputOrOutput + "' is not a tensor");
        return t.getShape();
    }

    /** An input value: a flat array in row-major order and its shape. */
    public record Input(Object data, long[] shape) {
        public static Input floats(float[] data, long... shape) {
            return new Input(data, shape);
        }

        public static Input ints(int[] data, long... shape) {
            return new Input(data, shape);
        }

        public static Input longs(long[] data, long... shape) {
            return new Input(data, shape);
        }
    }

    /** Runs the model on named inputs and returns every output. */
    public Outputs run(Map<String, Input> feeds) {
        return run(feeds, outputs.keySet());
    }

    /** Runs the model, computing only the {@code wanted} outputs. Thread-safe. */
    public Outputs run(Map<String, Input> feeds, Set<String> wanted) {
        for (String in : inputs.keySet()) {
            if (!feeds.containsKey(in)) throw new IllegalArgumentException(name + " needs input '" + in + "'; given " + feeds.keySet());
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Input> f : feeds.entrySet()) tensors.put(f.getKey(), tensor(env, f.getValue()));
            try (OrtSession.Result result = session.run(tensors, wanted)) {
                Map<String, Output> out = new LinkedHashMap<>();
                for (Map.Entry<String, OnnxValue> e : result) out.put(e.getKey(), Output.of((OnnxTensor) e.getValue()));
                return new Outputs(out);
            }
        } catch (OrtException e) {
            throw new OnnxModelException(name + " failed to run: " + e.getMessage(), e);
        } finally {
            tensors.values().forEach(OnnxTensor::close);
        }
    }

    private static OnnxTensor tensor(OrtEnvironment env, Input in) throws OrtException {
        if (in.data() instanceof float[] f) return OnnxTensor.createTensor(env, FloatBuffer.wrap(f), in.shape());
        if (in.data() instanceof int[] i) return OnnxTensor.createTensor(env, IntBuffer.wrap(i), in.shape());
        if (in.data() instanceof long[] l) return OnnxTensor.createTensor(env, LongBuffer.wrap(l), in.shape());
        throw new IllegalArgumentException("unsupported input array " + in.data().getClass().getSimpleName());
    }

    /** One output, copied out of native memory: a float[], int[], long[] or boolean[] and its shape. */
    public record Output(Object data, long[] shape) {
        static Output of(OnnxTensor t) {
            long[] shape = t.getInfo().getShape();
            Object data = switch (t.getInfo().type) {
                case FLOAT -> copy(t.getFloatBuffer());
                case INT32 -> copy(t.getIntBuffer());
                case INT64 -> copy(t.getLongBuffer());
                case BOOL -> {
                    java.nio.ByteBuffer b = t.getByteBuffer();
                    boolean[] v = new boolean[b.remaining()];
                    for (int i = 0; i < v.length; i++) v[i] = b.get(i) != 0;
                    yield v;
                }
                default -> throw new OnnxModelException("unsupported output type " + t.getInfo().type);
            };
            return new Output(data, shape);
        }

        private static float[] copy(FloatBuffer b) {
            float[] v = new float[b.remaining()];
            b.get(v);
            return v;
        }

        private static int[] copy(IntBuffer b) {
            int[] v = new int[b.remaining()];
            b.get(v);
            return v;
        }

        private static long[] copy(LongBuffer b) {
            long[] v = new long[b.remaining()];
            b.get(v);
            return v;
        }
    }

    /** The outputs of one run, by name. */
    public record Outputs(Map<String, Output> byName) {
        public Output get(String output) {
            Output o = byName.get(output);
            if (o == null) throw new IllegalArgumentException("no output '" + output + "'; have " + byName.keySet());
            return o;
        }

        public float[] floats(String output) {
            return (float[]) get(output).data();
        }

        public int[] ints(String output) {
            return (int[]) get(output).data();
        }

        public long[] shape(String output) {
            return get(output).shape();
        }

        public List<String> names() {
            return new ArrayList<>(byName.keySet());
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new OnnxModelException("closing " + name + ": " + e.getMessage(), e);
        }
    }
}
