package io.gureum.runtime.models;

import io.gureum.core.ModelRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in default pack, against the real Lingua jar (a test dependency of this module). */
class BuiltInLinguaTest {
    @TempDir
    Path root;

    @Test
    void theDefaultLanguageDetectionPackInstallsFromTheClasspath() {
        ModelStore store = new ModelStore(root, ModelCatalog.builtIn());
        ModelPack lingua = store.catalog().defaultFor("language-detection").orElseThrow();

        InstalledModel model = new ModelInstaller(store, InstallProgress.silent()).install(lingua);

        assertThat(model.dir()).isEqualTo(root.resolve("lingua/1.2.2"));
        assertThat(model.card().archiveSha256()).isEqualTo("e509ad71a011429914b27ec44428f4ef70fad14450daec45e2cf6aef392f953f");
        assertThat(store.resolve("language-detection", Optional.empty())).isEqualTo(model);
        assertThat(store.resolve("language-detection", Optional.of(ModelRef.parse("lingua@1.2.2")))).isEqualTo(model);
    }
}
