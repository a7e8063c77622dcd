package io.gureum.speech.stt.whisper;

import io.gureum.runtime.models.ModelCatalog;
import io.gureum.runtime.models.ModelStore;
import io.gureum.speech.audio.Audio;
import io.gureum.speech.stt.Transcript;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine around whisper.cpp, run for real on a model with random weights (see {@link GgmlTestFile#randomModel}):
 * loading, decoding states shared between threads, segments, the detected language, closing. What it hears is
 * nonsense (and, as whisper.cpp falls back to sampling on such output, not even the same nonsense twice); that it
 * is heard, in parallel and without a crash, is the point.
 */
class WhisperDecodeTest {
    @TempDir
    static Path root;
    private static Path modelFile;

    @BeforeAll
    static void randomModel() throws Exception {
        modelFile = GgmlTestFile.randomModel(1).writeTo(root.resolve("whisper-base/1/ggml-base.bin"));
    }

    private static Audio noise(double seconds, long seed) {
        Random random = new Random(seed);
        float[] samples = new float[(int) (seconds * Audio.SPEECH_RATE)];
        for (int i = 0; i < samples.length; i++) samples[i] = (float) (random.nextGaussian() * 0.1);
        return new Audio(samples, Audio.SPEECH_RATE);
    }

    @Test
    void reportsTheLanguageWhisperCppDetectedOrTheOneAsked() {
        try (WhisperRecognizer whisper = new WhisperRecognizer(new ModelStore(root, ModelCatalog.builtIn()))) {
            Transcript detected = whisper.transcribe(noise(2, 1), null);
            assertThat(detected.language()).isNotEqualTo(WhisperRecognizer.UNDETERMINED).isIn(whisper.languages());
            assertThat(detected.words()).isEmpty();

            assertThat(whisper.transcribe(noise(2, 2), "en-GB").language()).isEqualTo("en-GB");
            assertThat(whisper.transcribe(noise(0.2, 3), "ko").language()).isEqualTo("ko"); // padded to whisper.cpp's one second
            assertThat(whisper.transcribe(new Audio(new float[0], Audio.SPEECH_RATE), null).text()).isEmpty();
        }
    }

    /** Each thread gets the language detected in its own decode, and none when it asked for one. */
    @Test
    void decodesOnSeveralStatesAtOnce() throws Exception {
        float[] samples = noise(1.5, 4).samples();
        try (WhisperModel model = WhisperModel.open(modelFile, GgmlModelFile.check(modelFile), 1, 3)) {
            List<CompletableFuture<WhisperModel.Decoded>> decodes = IntStream.range(0, 6)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> model.decode(samples, i % 2 == 0 ? "en" : null))).toList();

            for (int i = 0; i < decodes.size(); i++) {
                String detected = decodes.get(i).join().detectedLanguage();
                if (i % 2 == 0) assertThat(detected).isNull();
                else assertThat(detected).isIn(WhisperLanguages.of(model.dimensions()));
            }

            model.close();
            assertThatThrownBy(() -> model.decode(samples, "en")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }
}
