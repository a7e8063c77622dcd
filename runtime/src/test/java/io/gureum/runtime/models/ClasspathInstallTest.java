package io.gureum.runtime.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gureum.core.ModelRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static io.gureum.runtime.models.TestPacks.WRONG_SHA;
import static io.gureum.runtime.models.TestPacks.catalog;
import static io.gureum.runtime.models.TestPacks.classpathPack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A library jar on the test classpath (jackson-databind) stands in for a jar that carries model data. */
class ClasspathInstallTest {
    private static final String ANCHOR = ObjectMapper.class.getName();

    @TempDir
    Path root;

    @Test
    void verifiesTheJarInPlaceAndRecordsIt() throws Exception {
        String jarSha = TestPacks.sha256(Path.of(ObjectMapper.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        ModelStore store = new ModelStore(root, catalog(classpathPack("jackson", "2", true, ANCHOR, jarSha)));

        InstalledModel model = new ModelInstaller(store, InstallProgress.silent()).install(store.catalog().packs().get(0));

        assertThat(model.dir()).isEqualTo(root.resolve("jackson/2"));
        try (var files = Files.list(model.dir())) {
            assertThat(files).containsExactly(model.dir().resolve("model-card.json")); // nothing copied
        }
        assertThat(model.card().archiveSha256()).isEqualTo(jarSha);
        assertThat(model.card().delivery()).isEqualTo("classpath");
        assertThat(store.resolve("test-task", Optional.empty())).isEqualTo(model);
        assertThat(store.resolve("test-task", Optional.of(ModelRef.parse("jackson@2")))).isEqualTo(model);
    }

    @Test
    void refusesAJarWhoseChecksumDiffers() {
        ModelStore store = new ModelStore(root, catalog(classpathPack("jackson", "2", true, ANCHOR, WRONG_SHA)));

        assertThatThrownBy(() -> new ModelInstaller(store, InstallProgress.silent()).install(store.catalog().packs().get(0)))
                .isInstanceOf(ModelInstallException.class)
                .hasMessageContaining("sha256 mismatch for the jar")
                .hasMessageContaining("jackson-databind")
                .hasMessageContaining("expected " + WRONG_SHA);
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void saysSoWhenTheAnchorClassIsNotOnTheClasspath() {
        ModelStore store = new ModelStore(root, catalog(classpathPack("ghost", "1", true, "com.example.NoSuchDetector", WRONG_SHA)));

        assertThatThrownBy(() -> new ModelInstaller(store, InstallProgress.silent()).install(store.catalog().packs().get(0)))
                .hasMessageContaining("class com.example.NoSuchDetector is not on this program's classpath");
        assertThat(root).isEmptyDirectory();
    }
}
