package io.gureum.speech.stt.whisper;

import io.gureum.core.Problem;
import io.gureum.runtime.models.ModelCatalog;
import io.gureum.runtime.models.ModelStore;
import io.gureum.speech.audio.Audio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static io.gureum.speech.stt.whisper.GgmlTestFile.ENGLISH_VOCABULARY;
import static io.gureum.speech.stt.whisper.GgmlTestFile.MULTILINGUAL_VOCABULARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Everything but real transcription, which needs the user's model (see {@link WhisperRealModelTest}). */
class WhisperRecognizerTest {
    private static final Audio ONE_SECOND = new Audio(new float[Audio.SPEECH_RATE], Audio.SPEECH_RATE);

    @TempDir
    Path root;
    private ModelStore store;
    private Path modelFile;

    @BeforeEach
    void store() {
        store = new ModelStore(root, ModelCatalog.builtIn());
        modelFile = root.resolve("whisper-base").resolve("1").resolve("ggml-base.bin");
    }

    @Test
    void theNativeLibraryLoadsOnThisMachine() {
        assertThat(WhisperLibrary.jni().getSystemInfo()).isNotBlank(); // e.g. "AVX = 1 | AVX2 = 1 | ..."
    }

    @Test
    void readsTheDetectedLanguageFromWhisperCppsLogOnTheDecodingThread() throws Exception {
        WhisperLibrary.clearDetectedLanguage();
        WhisperLibrary.onNativeLog("whisper_full_with_state: auto-detected language: ko (p = 0.934521)\n");
        Thread other = new Thread(() -> WhisperLibrary.onNativeLog("whisper_full_with_state: auto-detected language: fr (p = 0.5)\n"));
        other.start();
        other.join();

        assertThat(WhisperLibrary.detectedLanguage()).isEqualTo("ko");
        WhisperLibrary.clearDetectedLanguage();
        assertThat(WhisperLibrary.detectedLanguage()).isNull();
    }

    @Test
    void withoutItsModelItSaysWhichFileToPutInWhichFolder() {
        try (WhisperRecognizer whisper = new WhisperRecognizer(store)) {
            assertThat(whisper.name()).isEqualTo("whisper");
            assertThat(whisper.model()).isEqualTo("whisper-base@1");
            assertThat(whisper.installed()).isFalse();
            assertThat(whisper.languages()).isEmpty();

            Problem problem = catchThrowableOfType(Problem.class, () -> whisper.transcribe(ONE_SECOND, null));

            assertThat(problem.status()).isEqualTo(503);
            assertThat(problem.code()).isEqualTo("model_not_installed");
            assertThat(problem.detail()).contains("put ggml-base.bin in " + modelFile.getParent(), "model file that the whisper.cpp project publishes")
                    .doesNotContain("http");
        }
    }

    @Test
    void aFileThatIsNotAWhisperModelIsUnusableAndTheJvmCarriesOn() throws Exception {
        byte[] random = new byte[1 << 20];
        new Random(42).nextBytes(random);
        Files.createDirectories(modelFile.getParent());
        Files.write(modelFile, random);
        try (WhisperRecognizer whisper = new WhisperRecognizer(store)) {
            assertThat(whisper.installed()).isTrue();
            assertThat(whisper.languages()).isEmpty();

            for (int attempt = 0; attempt < 2; attempt++) { // a failure is not cached: the user may fix the file
                Problem problem = catchThrowableOfType(Problem.class, () -> whisper.transcribe(ONE_SECOND, null));
                assertThat(problem.status()).isEqualTo(503);
                assertThat(problem.code()).isEqualTo("model_unusable");
                assertThat(problem.detail()).contains("ggml-base.bin is not a whisper.cpp model", "ggml magic number",
                        "Replace it.", "put ggml-base.bin in " + modelFile.getParent());
            }
        }
    }

    @Test
    void aFileThatPassesTheChecksButIsNoModelIsRefusedByWhisperCppWithoutACrash() throws Exception {
        GgmlTestFile.whole(MULTILINGUAL_VOCABULARY).writeTo(modelFile);
        try (WhisperRecognizer whisper = new WhisperRecognizer(store)) {
            assertThat(whisper.languages()).hasSizeGreaterThan(90).contains("en", "ko", "ja", "jv").doesNotContain("jw", "yue");

            Problem problem = catchThrowableOfType(Problem.class, () -> whisper.transcribe(ONE_SECOND, "en"));

            assertThat(problem.code()).isEqualTo("model_unusable");
            assertThat(problem.detail()).contains("ggml-base.bin could not be loaded: whisper.cpp could not load it");
        }
    }

    @Test
    void anEnglishOnlyModelOffersEnglishOnly() throws Exception {
        GgmlTestFile.whole(ENGLISH_VOCABULARY).writeTo(modelFile);
        try (WhisperRecognizer whisper = new WhisperRecognizer(store)) {
            assertThat(whisper.languages()).containsExactly("en");
        }
    }

    @Test
    void takesSixteenKilohertzAudioOnly() {
        try (WhisperRecognizer whisper = new WhisperRecognizer(store)) {
            assertThatThrownBy(() -> whisper.transcribe(new Audio(new float[8000], 8000), null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16000 Hz");
        }
    }

    @Test
    void isNotUsedAfterClose() {
        WhisperRecognizer whisper = new WhisperRecognizer(store);
        whisper.close();
        assertThatThrownBy(() -> whisper.transcribe(ONE_SECOND, null)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void mapsLanguageTagsToWhisperCodes() throws Exception {
        GgmlModelFile.Hyperparameters multilingual = GgmlModelFile.check(GgmlTestFile.whole(MULTILINGUAL_VOCABULARY).writeTo(root.resolve("m.bin")));

        assertThat(WhisperLanguages.toWhisper("en-US", multilingual)).isEqualTo("en");
        assertThat(WhisperLanguages.toWhisper("ko", multilingual)).isEqualTo("ko");
        assertThat(WhisperLanguages.toWhisper("jv", multilingual)).isEqualTo("jw");
        assertThat(WhisperLanguages.toBcp47("jw")).isEqualTo("jv");
        assertThat(catchThrowableOfType(Problem.class, () -> WhisperLanguages.toWhisper("tlh", multilingual)).status()).isEqualTo(422);
    }
}
