package io.gureum.vision;

import io.gureum.core.GureumHome;
import io.gureum.runtime.models.InstallProgress;
import io.gureum.runtime.models.ModelCatalog;
import io.gureum.runtime.models.ModelInstaller;
import io.gureum.runtime.models.ModelStore;

/**
 * The model store of {@code $GUREUM_HOME} (or {@code GUREUM_MODELS_DIR}) with the vision packs the tests use,
 * installed through the real installer: {@code ./gureum test} installs every pack beforehand; a bare
 * {@code mvn test} installs them on first use (idempotent: cheap when they are there).
 */
public final class VisionModels {
    private static ModelStore store;

    private VisionModels() {}

    /** Installs one more pack of the catalog (its default version). */
    public static void install(String id) {
        ModelStore s = store();
        new ModelInstaller(s, InstallProgress.silent()).install(s.catalog().find(id, java.util.Optional.empty()).orElseThrow());
    }

    public static synchronized ModelStore store() {
        if (store == null) {
            ModelStore s = new ModelStore(GureumHome.fromEnvironment().models(), ModelCatalog.builtIn());
            ModelInstaller installer = new ModelInstaller(s, InstallProgress.silent());
            for (String id : new String[] {"blazeface-back", "faceres", "emotion", "nanodet", "centernet"}) {
                installer.install(s.catalog().find(id, java.util.Optional.empty()).orElseThrow());
            }
            store = s;
        }
        return store;
    }
}
