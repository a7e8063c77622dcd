package io.gureum.speech;

import io.gureum.core.GureumHome;
import io.gureum.runtime.models.InstallProgress;
import io.gureum.runtime.models.InstalledModel;
import io.gureum.runtime.models.ModelCatalog;
import io.gureum.runtime.models.ModelInstaller;
import io.gureum.runtime.models.ModelStore;
import java.util.Optional;

/**
 * The model store of {@code $GUREUM_HOME} with the speech packs the tests use, installed through the real
 * installer ({@code ./gureum test} installs every pack beforehand; a bare {@code mvn test} installs them on first
 * use).
 */
public final class SpeechModels {
    private static ModelStore store;

    private SpeechModels() {}

    public static synchronized ModelStore store() {
        if (store == null) {
            ModelStore s = new ModelStore(GureumHome.fromEnvironment().models(), ModelCatalog.builtIn());
            ModelInstaller installer = new ModelInstaller(s, InstallProgress.silent());
            for (String id : new String[] {"sphinx-en-us", "silero-vad"}) {
                installer.install(s.catalog().find(id, Optional.empty()).orElseThrow());
            }
            store = s;
        }
        return store;
    }

    public static InstalledModel installed(String task) {
        return store().resolve(task, Optional.empty());
    }
}
