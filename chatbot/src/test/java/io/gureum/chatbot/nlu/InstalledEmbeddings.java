package io.gureum.chatbot.nlu;

import io.gureum.core.GureumHome;
import io.gureum.core.ModelRef;
import io.gureum.language.embeddings.TextEmbeddings;
import io.gureum.runtime.models.InstallProgress;
import io.gureum.runtime.models.ModelCatalog;
import io.gureum.runtime.models.ModelInstaller;
import io.gureum.runtime.models.ModelStore;

import java.util.List;

/**
 * The model store of {@code $GUREUM_HOME} with both MiniLM packs installed ({@code ./gureum test} installs them
 * beforehand; install is idempotent, so cheap when they are there), and one {@link TextEmbeddings} shared by the
 * test classes, never closed.
 */
final class InstalledEmbeddings {
    /** The default: int8, one text per run. */
    static final ModelRef MINILM_INT8 = ModelRef.parse("all-minilm-l6-v2-q@1.20.0-beta30");
    /** float32, batched. */
    static final ModelRef MINILM_FP32 = ModelRef.parse("all-minilm-l6-v2@1.20.0-beta30");

    private static TextEmbeddings embeddings;

    private InstalledEmbeddings() {}

    static synchronized TextEmbeddings embeddings() {
        if (embeddings == null) {
            var store = new ModelStore(GureumHome.fromEnvironment().models(), ModelCatalog.builtIn());
            var installer = new ModelInstaller(store, InstallProgress.silent());
            for (ModelRef ref : List.of(MINILM_INT8, MINILM_FP32)) {
                installer.install(ModelCatalog.builtIn().find(ref.id(), ref.version()).orElseThrow());
            }
            embeddings = new TextEmbeddings(store);
        }
        return embeddings;
    }
}
