package io.gureum.language.embeddings;

import io.gureum.core.GureumHome;
import io.gureum.core.ModelRef;
import io.gureum.runtime.models.InstallProgress;
import io.gureum.runtime.models.ModelCatalog;
import io.gureum.runtime.models.ModelInstaller;
import io.gureum.runtime.models.ModelPack;
import io.gureum.runtime.models.ModelStore;

import java.util.List;

/**
 * The model store of {@code $GUREUM_HOME} (or {@code GUREUM_MODELS_DIR}) with both embedding packs installed:
 * {@code ./gureum test} installs them beforehand, a bare {@code mvn test} here (install is idempotent, so cheap
 * when they are there). One {@link TextEmbeddings} is shared by the test classes; it is never closed.
 */
final class InstalledEmbeddingModels {
    /** The default: int8, one text per run. */
    static final ModelRef MINILM_INT8 = ModelRef.parse("all-minilm-l6-v2-q@1.20.0-beta30");
    /** float32, batched. */
    static final ModelRef MINILM_FP32 = ModelRef.parse("all-minilm-l6-v2@1.20.0-beta30");

    private static ModelStore store;
    private static TextEmbeddings embeddings;

    private InstalledEmbeddingModels() {}

    static synchronized ModelStore store() {
        if (store == null) {
            ModelStore installed = new ModelStore(GureumHome.fromEnvironment().models(), ModelCatalog.builtIn());
            ModelInstaller installer = new ModelInstaller(installed, InstallProgress.silent());
            for (ModelRef ref : List.of(MINILM_INT8, MINILM_FP32)) installer.install(pack(ref));
            store = installed;
        }
        return store;
    }

    static ModelPack pack(ModelRef ref) {
        return ModelCatalog.builtIn().find(ref.id(), ref.version())
                .orElseThrow(() -> new IllegalStateException("the built-in catalog has no pack " + ref));
    }

    static synchronized TextEmbeddings embeddings() {
        if (embeddings == null) embeddings = new TextEmbeddings(store());
        return embeddings;
    }
}
