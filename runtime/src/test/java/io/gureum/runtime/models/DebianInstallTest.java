package io.gureum.runtime.models;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.gureum.runtime.models.TestPacks.WRONG_SHA;
import static io.gureum.runtime.models.TestPacks.catalog;
import static io.gureum.runtime.models.TestPacks.file;
import static io.gureum.runtime.models.TestPacks.filesPack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DebianInstallTest {
    @TempDir
    Path root;

    @Test
    void aMissingPackageFailsWithTheAptGetLine() {
        ModelStore store = new ModelStore(root, catalog(filesPack("nothing", "1.0", true,
                "debian:gureum-no-such-package!/usr/share/gureum-nothing/model.bin", null, file("model.bin", WRONG_SHA, 1))));

        assertThatThrownBy(() -> new ModelInstaller(store, InstallProgress.silent()).install(store.catalog().packs().get(0)))
                .isInstanceOf(ModelInstallException.class)
                .hasMessageContaining("Debian package gureum-no-such-package, which is not installed")
                .hasMessageContaining("sudo apt-get install -y gureum-no-such-package")
                .hasMessageContaining("./gureum models install nothing");
        assertThat(root).isEmptyDirectory();
    }

    /** Tests the mechanism, not the data: the expected sha is computed for the catalog this test builds. */
    @Test
    void copiesAFileThatAnInstalledPackageProvides() {
        Path licence = Path.of("/usr/share/common-licenses/Apache-2.0"); // from base-files, on every Debian
        assumeTrue(Files.isRegularFile(licence), "not a Debian system");
        ModelStore store = new ModelStore(root, catalog(filesPack("apache-licence", "1.0", true,
                "debian:base-files!" + licence, null, file("Apache-2.0", licence))));

        InstalledModel model = new ModelInstaller(store, InstallProgress.silent()).install(store.catalog().packs().get(0));

        assertThat(model.file("Apache-2.0")).hasSameBinaryContentAs(licence);
        assertThat(model.card().source()).isEqualTo("debian:base-files!" + licence);
    }
}
