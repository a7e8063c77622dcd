package io.gureum.runtime.models;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Long names in the two encodings tar tools use; the system's GNU tar writes the archives. */
class TarReaderTest {
    private static final String LONG = "x".repeat(150) + ".bin"; // one path part: no ustar prefix split possible

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"gnu", "pax", "ustar"})
    void readsNamesInEveryFormatTarWrites(String format) throws Exception {
        Path src = Files.createDirectories(temp.resolve("src/dir"));
        String name = format.equals("ustar") ? "short.bin" : LONG; // ustar alone cannot hold a 154-byte part
        Files.write(src.resolve(name), new byte[1234]);
        Path archive = temp.resolve("a.tgz");
        Process tar = new ProcessBuilder("tar", "--format=" + format, "-czf", archive.toString(), "-C", temp.resolve("src").toString(), "dir")
                .inheritIO().start();
        assertThat(tar.waitFor()).isZero();

        Path out = ArchiveExtractor.extract(archive, "dir", Files.createDirectory(temp.resolve("out")));

        assertThat(out.resolve(name)).hasSize(1234);
    }
}
