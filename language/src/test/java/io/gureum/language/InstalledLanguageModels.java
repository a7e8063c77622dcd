package io.gureum.language;

import io.gureum.core.GureumHome;
import io.gureum.core.ModelRef;
import io.gureum.runtime.models.InstallProgress;
import io.gureum.runtime.models.ModelCatalog;
import io.gureum.runtime.models.ModelInstaller;
import io.gureum.runtime.models.ModelStore;

import java.util.List;

/**
 * The model store of {@code $GUREUM_HOME} (or {@code GUREUM_MODELS_DIR}) with both language-detection
 * packs installed: {@code ./gureum test} installs them beforehand, a bare {@code mvn test} here (install
 * is idempotent, so cheap when they are there). One {@link LanguageDetection} is shared by the test
 * classes because Lingua's models are JVM-wide and take seconds to load; it is never closed.
 */
public final class InstalledLanguageModels {
    static final ModelRef LINGUA = ModelRef.parse("lingua@1.2.2");
    static final ModelRef OPENNLP = ModelRef.parse("opennlp-langdetect@1.3.0");

    private static ModelStore store;
    private static LanguageDetection detection;

    private InstalledLanguageModels() {}

    static synchronized ModelStore store() {
        if (store == null) {
            ModelCatalog catalog = ModelCatalog.builtIn();
            ModelStore installed = new ModelStore(GureumHome.fromEnvironment().models(), catalog);
            ModelInstaller installer = new ModelInstaller(installed, InstallProgress.silent());
            for (ModelRef ref : List.of(LINGUA, OPENNLP)) {
                installer.install(catalog.find(ref.id(), ref.version())
                        .orElseThrow(() -> new IllegalStateException("the built-in catalog has no pack " + ref)));
            }
            store = installed;
        }
        return store;
    }

    public static synchronized LanguageDetection detection() {
        if (detection == null) detection = new LanguageDetection(store());
        return detection;
    }
}
