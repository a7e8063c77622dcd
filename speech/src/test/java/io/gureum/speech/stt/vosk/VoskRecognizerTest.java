package io.gureum.speech.stt.vosk;

import io.gureum.core.Problem;
import io.gureum.runtime.models.ModelCatalog;
import io.gureum.runtime.models.ModelStore;
import io.gureum.speech.audio.Audio;
import io.gureum.speech.stt.Transcript;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vosk.LibVosk;
import org.vosk.LogLevel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Everything but real transcription, which needs the user's model (see {@link VoskRealModelTest}). */
class VoskRecognizerTest {
    private static final Audio ONE_SECOND = new Audio(new float[Audio.SPEECH_RATE], Audio.SPEECH_RATE);
    private static final byte[] OPENFST_MAGIC = {(byte) 0xd6, (byte) 0xfd, (byte) 0xb2, 0x7e};

    @TempDir
    Path root;
    private ModelStore store;
    private Path folder;

    @BeforeEach
    void store() {
        store = new ModelStore(root, ModelCatalog.builtIn());
        folder = root.resolve("vosk-en-us").resolve("1");
    }

    @Test
    void theNativeLibraryLoadsOnThisMachine() {
        VoskLibrary.load();
        LibVosk.setLogLevel(LogLevel.WARNINGS);
    }

    @Test
    void withoutItsModelItSaysWhatToPutInWhichFolder() {
        try (VoskRecognizer vosk = new VoskRecognizer(store)) {
            assertThat(vosk.name()).isEqualTo("vosk");
            assertThat(vosk.model()).isEqualTo("vosk-en-us@1");
            assertThat(vosk.installed()).isFalse();
            assertThat(vosk.languages()).isEmpty();

            Problem problem = catchThrowableOfType(Problem.class, () -> vosk.transcribe(ONE_SECOND, null));

            assertThat(problem.status()).isEqualTo(503);
            assertThat(problem.code()).isEqualTo("model_not_installed");
            assertThat(problem.detail()).contains("put its files in " + folder, "am/final.mdl, conf/model.conf",
                    "a US English model of the Vosk project", "the contents of its folder").doesNotContain("http");
        }
    }

    @Test
    void emptyMarkerFilesAreUnusableNotACrash() throws Exception {
        write("am/final.mdl", new byte[0]);
        write("conf/model.conf", new byte[0]);
        try (VoskRecognizer vosk = new VoskRecognizer(store)) {
            assertThat(vosk.installed()).isTrue();
            assertThat(vosk.languages()).containsExactly("en-US");

            assertUnusable(vosk, "the folder is not a Vosk model: am/final.mdl is empty");
        }
    }

    @Test
    void randomBytesOrAMissingGraphAreUnusable() throws Exception {
        byte[] random = new byte[64 * 1024];
        new Random(5).nextBytes(random);
        write("am/final.mdl", random);
        write("conf/model.conf", "--min-active=200\n".getBytes(StandardCharsets.US_ASCII));
        write("conf/mfcc.conf", "--use-energy=false\n".getBytes(StandardCharsets.US_ASCII));
        try (VoskRecognizer vosk = new VoskRecognizer(store)) {
            assertUnusable(vosk, "am/final.mdl is not a Kaldi acoustic model");

            write("am/final.mdl", kaldi("\0B<TransitionModel> ", random));
            assertUnusable(vosk, "it has no decoding graph (graph/HCLG.fst, or graph/HCLr.fst and graph/Gr.fst)");

            write("graph/HCLr.fst", random);
            assertUnusable(vosk, "graph/HCLr.fst is not an OpenFst graph");
        }
    }

    /** Files that start right but hold garbage reach Vosk, which reports them as an error: the JVM carries on. */
    @Test
    void garbageBehindTheRightHeadersIsRefusedByVoskWithoutACrash() throws Exception {
        byte[] random = new byte[64 * 1024];
        new Random(6).nextBytes(random);
        write("am/final.mdl", kaldi("\0B<TransitionModel> ", random));
        write("conf/model.conf", "--min-active=200\n".getBytes(StandardCharsets.US_ASCII));
        write("conf/mfcc.conf", "--use-energy=false\n".getBytes(StandardCharsets.US_ASCII));
        write("graph/HCLr.fst", kaldi(new String(OPENFST_MAGIC, StandardCharsets.ISO_8859_1), random));
        write("graph/Gr.fst", kaldi(new String(OPENFST_MAGIC, StandardCharsets.ISO_8859_1), random));
        try (VoskRecognizer vosk = new VoskRecognizer(store)) {
            for (int attempt = 0; attempt < 2; attempt++) {
                assertUnusable(vosk, "Vosk could not load it (Failed to create a model");
            }
        }
    }

    @Test
    void transcribesUsEnglishAtSixteenKilohertzOnly() {
        try (VoskRecognizer vosk = new VoskRecognizer(store)) {
            assertThatThrownBy(() -> vosk.transcribe(new Audio(new float[8000], 8000), null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16000 Hz");
            assertThat(catchThrowableOfType(Problem.class, () -> vosk.transcribe(ONE_SECOND, "ko-KR")).status()).isEqualTo(422);
        }
    }

    @Test
    void isNotUsedAfterClose() {
        VoskRecognizer vosk = new VoskRecognizer(store);
        vosk.close();
        assertThatThrownBy(() -> vosk.transcribe(ONE_SECOND, null)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void readsVosksResultsWithWordTimesAndConfidences() {
        VoskResult result = VoskResult.parse("""
                {"result": [{"conf": 1.0, "end": 1.02, "start": 0.6, "word": "one"},
                            {"conf": 0.62, "end": 1.5, "start": 1.02, "word": "zero"}],
                 "text": "one zero", "spk_frames": 12}""");

        assertThat(result.text()).isEqualTo("one zero");
        assertThat(result.words()).containsExactly(new Transcript.Word("one", 0.6, 1.02, 1.0), new Transcript.Word("zero", 1.02, 1.5, 0.62));
        assertThat(VoskResult.parse("{\"text\" : \"\"}").words()).isEmpty();
    }

    private void assertUnusable(VoskRecognizer vosk, String reason) {
        Problem problem = catchThrowableOfType(Problem.class, () -> vosk.transcribe(ONE_SECOND, null));
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.code()).isEqualTo("model_unusable");
        assertThat(problem.detail()).contains(reason, "Replace it.", "put its files in " + folder);
    }

    private static byte[] kaldi(String start, byte[] rest) {
        byte[] head = start.getBytes(StandardCharsets.ISO_8859_1);
        byte[] file = new byte[head.length + rest.length];
        System.arraycopy(head, 0, file, 0, head.length);
        System.arraycopy(rest, 0, file, head.length, rest.length);
        return file;
    }

    private void write(String path, byte[] content) throws IOException {
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }
}
