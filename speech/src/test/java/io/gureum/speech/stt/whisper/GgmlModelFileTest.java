package io.gureum.speech.stt.whisper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static io.gureum.speech.stt.whisper.GgmlTestFile.ENGLISH_VOCABULARY;
import static io.gureum.speech.stt.whisper.GgmlTestFile.MULTILINGUAL_VOCABULARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What is checked in Java before whisper.cpp reads a file: every number it would trust. */
class GgmlModelFileTest {
    @TempDir
    Path dir;

    @Test
    void acceptsTheStructureOfAWhisperModelAndReadsItsDimensions() throws Exception {
        Path file = GgmlTestFile.whole(MULTILINGUAL_VOCABULARY).writeTo(dir.resolve("m.bin"));

        GgmlModelFile.Hyperparameters model = GgmlModelFile.check(file);

        assertThat(model.multilingual()).isTrue();
        assertThat(model.largeV3Vocabulary()).isFalse();
        assertThat(model.melBands()).isEqualTo(80);
        assertThat(GgmlModelFile.readHyperparameters(file)).isEqualTo(model);
        assertThat(GgmlModelFile.check(GgmlTestFile.whole(ENGLISH_VOCABULARY).writeTo(dir.resolve("en.bin"))).multilingual()).isFalse();
    }

    @Test
    void rejectsFilesOfAnotherKind() throws Exception {
        byte[] random = new byte[100_000];
        new Random(7).nextBytes(random);
        random[0] = 1;
        assertRejected(Files.write(dir.resolve("random.bin"), random), "does not start with the ggml magic number 0x67676d6c (its first bytes are 01 ");
        byte[] gguf = random.clone();
        System.arraycopy("GGUF".getBytes(StandardCharsets.US_ASCII), 0, gguf, 0, 4);
        assertRejected(Files.write(dir.resolve("gguf.bin"), gguf), "it is a GGUF file");
        assertRejected(Files.write(dir.resolve("empty.bin"), new byte[0]), "it has 0 bytes, too few for a whisper.cpp model");
    }

    @Test
    void rejectsNumbersThatWouldMakeWhisperCppAllocateWildlyOrOverrunItsArrays() throws Exception {
        assertRejected(GgmlTestFile.header(123).melFilters(80, 201).writeTo(dir.resolve("a.bin")),
                "its vocabulary size is 123, which no Whisper model has");
        assertRejected(GgmlTestFile.header(MULTILINGUAL_VOCABULARY).ints(80, 99999).writeTo(dir.resolve("b.bin")),
                "its mel filter bins is 99999");
        assertRejected(GgmlTestFile.header(MULTILINGUAL_VOCABULARY).melFilters(80, 201).ints(1, -2).writeTo(dir.resolve("c.bin")),
                "vocabulary entry 0 claims 4294967294 bytes");
        assertRejected(GgmlTestFile.header(MULTILINGUAL_VOCABULARY).melFilters(80, 201).vocabulary("a").tensor(99, "x", 0, 4)
                .writeTo(dir.resolve("d.bin")), "its tensor 0: dimensions is 99");
        assertRejected(GgmlTestFile.header(MULTILINGUAL_VOCABULARY).melFilters(80, 201).vocabulary("a").tensor(1, "x", 77, 4)
                .writeTo(dir.resolve("e.bin")), "tensor 0 has type 77, which whisper.cpp models do not use");
    }

    /** Found by {@link WhisperDecodeTest}: whisper.cpp aborts on the first decode with such a model. */
    @Test
    void rejectsAnAllFloat32Model() throws Exception {
        assertRejected(GgmlTestFile.header(MULTILINGUAL_VOCABULARY, 0).writeTo(dir.resolve("f32.bin")), "it is an all-float32 model");
        assertThat(GgmlModelFile.readHyperparameters(GgmlTestFile.header(MULTILINGUAL_VOCABULARY, 1008).writeTo(dir.resolve("q8.bin"))).fileType())
                .isEqualTo(1008); // quantized, format version 1
    }

    @Test
    void rejectsATruncatedFile() throws Exception {
        assertRejected(GgmlTestFile.header(MULTILINGUAL_VOCABULARY).melFilters(80, 201).vocabulary("a").tensor(1, "encoder.conv1.weight", 0, 3)
                .writeTo(dir.resolve("a.bin")), "the file ends inside tensor encoder.conv1.weight (4 bytes missing): it is truncated");
        assertRejected(GgmlTestFile.header(MULTILINGUAL_VOCABULARY).melFilters(80, 201).vocabulary("a").writeTo(dir.resolve("b.bin")),
                "it has a header but no weights");
        assertRejected(GgmlTestFile.header(MULTILINGUAL_VOCABULARY).writeTo(dir.resolve("c.bin")), "the file ends early");
    }

    private static void assertRejected(Path file, String reason) {
        assertThatThrownBy(() -> GgmlModelFile.check(file)).isInstanceOf(GgmlModelFile.NotAWhisperModel.class).hasMessageContaining(reason);
    }
}
