package io.gureum.language.translation.apertium;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Finding pairs, their languages and packages, without apertium: mode files and a dpkg status file made here. */
class ApertiumModesTest {

    @Test
    void apertiumCodesBecomeBcp47Tags() {
        assertThat(ApertiumLanguages.toBcp47("eng")).isEqualTo("en");
        assertThat(ApertiumLanguages.toBcp47("spa")).isEqualTo("es");
        assertThat(ApertiumLanguages.toBcp47("fr")).isEqualTo("fr");
        assertThat(ApertiumLanguages.toBcp47("cat")).isEqualTo("ca");
        assertThat(ApertiumLanguages.toBcp47("por")).isEqualTo("pt");
        assertThat(ApertiumLanguages.toBcp47("glg")).isEqualTo("gl");
        assertThat(ApertiumLanguages.toBcp47("ron")).isEqualTo("ro");
        assertThat(ApertiumLanguages.toBcp47("eus")).isEqualTo("eu");
        assertThat(ApertiumLanguages.toBcp47("epo")).isEqualTo("eo");
        assertThat(ApertiumLanguages.toBcp47("nob")).isEqualTo("nb");
        assertThat(ApertiumLanguages.toBcp47("nno")).isEqualTo("nn");
        assertThat(ApertiumLanguages.toBcp47("srd")).isEqualTo("sc");
        assertThat(ApertiumLanguages.toBcp47("zlm")).isEqualTo("ms");
        assertThat(ApertiumLanguages.toBcp47("ast")).isEqualTo("ast");   // no two-letter code: three letters stay
        assertThat(ApertiumLanguages.toBcp47("hbs")).isEqualTo("hbs");
        assertThat(ApertiumLanguages.toBcp47("eng_US")).isEqualTo("en-US");
        assertThat(ApertiumLanguages.toBcp47("cat_valencia")).isEqualTo("ca-valencia");
        assertThat(ApertiumLanguages.toBcp47("nob_e")).isEqualTo("nb-x-e");   // not a BCP 47 variant: private use
        assertThat(ApertiumLanguages.isCode("eng-spa")).isFalse();
    }

    @Test
    void modeFilesArePairsWithTheirPackage(@TempDir Path modes) throws IOException {
        mode(modes, "eng-spa", "lt-proc '/usr/share/apertium/apertium-eng-spa/eng-spa.automorf.bin' | lt-proc -p 'x'");
        mode(modes, "spa-eng_US", "lt-proc '/usr/share/apertium/apertium-eng-spa/spa-eng.automorf.bin'");
        mode(modes, "fr-es", "lt-proc '/usr/share/apertium/apertium-fr-es/fr-es.automorf.bin'");
        mode(modes, "eng-spa-morph", "lt-proc 'debugging mode'");   // three parts: not a direction
        mode(modes, "xx-yy", "sed -u s/a/b/");                      // no data folder: no package
        Files.writeString(modes.resolve("README"), "For information on modes, see the wiki");

        assertThat(ApertiumModes.discover(modes))
                .extracting(ApertiumModes.Mode::name, ApertiumModes.Mode::from, ApertiumModes.Mode::to, ApertiumModes.Mode::debianPackage)
                .containsExactly(
                        tuple("eng-spa", "en", "es", "apertium-eng-spa"),
                        tuple("fr-es", "fr", "es", "apertium-fr-es"),
                        tuple("spa-eng_US", "es", "en-US", "apertium-eng-spa"),
                        tuple("xx-yy", "xx", "yy", null));
        assertThat(ApertiumModes.discover(modes.resolve("absent"))).isEmpty();
    }

    @Test
    void installedVersionsComeFromDpkgsStatusFile(@TempDir Path dir) throws IOException {
        Path status = dir.resolve("status");
        Files.writeString(status, """
                Package: apertium-eng-spa
                Status: install ok installed
                Architecture: all
                Version: 0.8.1-2
                Description: Apertium translation data for the English-Spanish pair
                 with a continuation line

                Package: apertium-fr-es
                Status: deinstall ok config-files
                Version: 0.9.2-1

                Package: lttoolbox
                Status: install ok installed
                Version: 3.7.1-1
                """);
        assertThat(Dpkg.installedVersions(status, Set.of("apertium-eng-spa", "apertium-fr-es", "apertium-es-pt")))
                .isEqualTo(Map.of("apertium-eng-spa", "0.8.1-2"));
        assertThat(Dpkg.installedVersions(dir.resolve("none"), Set.of("apertium-eng-spa"))).isEmpty();
    }

    @Test
    void debianPackagesAreKnownForMissingPairsEitherWay() {
        PairPackages packages = PairPackages.builtIn();
        assertThat(packages.packageFor("en", "es")).contains("apertium-eng-spa");
        assertThat(packages.packageFor("es", "en-US")).contains("apertium-eng-spa");
        assertThat(packages.packageFor("fr", "es")).contains("apertium-fr-es");
        assertThat(packages.packageFor("es", "pt")).contains("apertium-es-pt");
        assertThat(packages.packageFor("ca", "fr")).contains("apertium-fra-cat");
        assertThat(packages.packageFor("eng", "cat")).contains("apertium-eng-cat");
        assertThat(packages.packageFor("nb", "nn")).contains("apertium-nno-nob");
        assertThat(packages.packageFor("en", "ko")).isEqualTo(Optional.empty());
        assertThat(packages.packageFor("en", "en")).isEqualTo(Optional.empty());
    }

    private static void mode(Path dir, String name, String pipeline) throws IOException {
        Files.writeString(dir.resolve(name + ".mode"), pipeline + "\n");
    }
}
