package io.gureum.runtime.onnx;

import io.gureum.core.ModelRef;
import io.gureum.runtime.models.InstalledModel;
import io.gureum.runtime.models.ModelStore;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The ONNX models a service serves from the {@link ModelStore}, each loaded once into one shared
 * {@link OnnxModel} on first use. Lookups after the first take no lock and read no disk; failures
 * ({@code unknown_model}, {@code model_not_installed}) are not cached, so a model installed while the
 * server runs is picked up by the next request.
 */
public final class OnnxModels implements AutoCloseable {
    private final ModelStore store;
    private final OnnxModel.Options options;
    /** What each (task, requested model) resolved to. */
    private final ConcurrentMap<String, Loaded> resolved = new ConcurrentHashMap<>();
    /** One loaded model per installed {@code id@version}. */
    private final ConcurrentMap<String, Loaded> loaded = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** An installed model and its running session. */
    public record Loaded(InstalledModel installed, OnnxModel model) {
        public String id() { return installed.card().id(); }
        public String version() { return installed.card().version(); }
        public String task() { return installed.card().task(); }
    }

    public OnnxModels(ModelStore store, OnnxModel.Options options) {
        this.store = Objects.requireNonNull(store, "store");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The model serving {@code task}: {@code ref} when given, else the catalog's default.
     *
     * @throws io.gureum.core.Problem {@code unknown_model} (404) or {@code model_not_installed} (503)
     */
    public Loaded get(String task, Optional<ModelRef> ref) {
        if (closed) throw new IllegalStateException("OnnxModels is closed");
        String key = task + "|" + ref.map(ModelRef::toString).orElse("");
        Loaded hit = resolved.get(key);
        if (hit != null) return hit;
        InstalledModel installed = store.resolve(task, ref);
        Loaded model = loaded.computeIfAbsent(installed.card().ref(),
                k -> new Loaded(installed, OnnxModel.load(installed.onnxFile(), options)));
        resolved.putIfAbsent(key, model);
        return model;
    }

    public ModelStore store() {
        return store;
    }

    @Override
    public void close() {
        closed = true;
        loaded.values().forEach(l -> l.model().close());
        loaded.clear();
        resolved.clear();
    }
}
