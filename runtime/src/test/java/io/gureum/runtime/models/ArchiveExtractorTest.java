package io.gureum.runtime.models;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Entries taken out of a jar: a folder, or with {@code "/"} the listed files at the jar's top level (as langchain4j's model jars keep them). */
class ArchiveExtractorTest {
    @TempDir
    Path temp;

    @Test
    void theRootFolderGivesTheListedTopLevelFilesOnly() throws Exception {
        Path jar = jar("model.onnx", "tokenizer.json", "README", "META-INF/MANIFEST.MF", "dev/Some.class");

        Path out = ArchiveExtractor.extract(jar, "/", List.of("model.onnx", "tokenizer.json"), Files.createDirectory(temp.resolve("out")));

        assertThat(out).isEqualTo(temp.resolve("out"));
        try (var files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()))
                    .containsExactlyInAnyOrder("model.onnx", "tokenizer.json");
        }
        assertThat(out.resolve("model.onnx")).hasContent("model.onnx");
    }

    @Test
    void aFolderStillGivesItsFilesAndARootWithoutTheListedFilesIsAClearError() throws Exception {
        Path jar = jar("models/en/a.bin", "models/en/b.bin", "models/other.bin");

        Path out = ArchiveExtractor.extract(jar, "models/en", List.of(), Files.createDirectory(temp.resolve("folder")));

        assertThat(out).isEqualTo(temp.resolve("folder/models/en"));
        assertThat(out.resolve("a.bin")).exists();
        assertThat(out.resolve("b.bin")).exists();
        assertThat(temp.resolve("folder/models/other.bin")).doesNotExist();
        assertThatThrownBy(() -> ArchiveExtractor.extract(jar, "/", List.of("model.onnx"), Files.createDirectory(temp.resolve("none"))))
                .isInstanceOf(ModelInstallException.class)
                .hasMessageContaining("has no entry '/' holding any of [model.onnx]");
    }

    /** A jar whose entries each hold their own name as content. */
    private Path jar(String... entries) throws Exception {
        Path jar = temp.resolve("test-" + entries.length + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(entry.getBytes());
                zip.closeEntry();
            }
        }
        return jar;
    }
}
