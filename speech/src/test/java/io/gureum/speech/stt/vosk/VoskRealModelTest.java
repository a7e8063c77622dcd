package io.gureum.speech.stt.vosk;

import io.gureum.core.GureumHome;
import io.gureum.runtime.models.ModelCatalog;
import io.gureum.runtime.models.ModelStore;
import io.gureum.speech.audio.Audio;
import io.gureum.core.TextDistance;
import io.gureum.speech.LibriVox;
import io.gureum.speech.SpeechClips;
import io.gureum.speech.stt.ReferenceTranscripts.Utterance;
import io.gureum.speech.stt.TranscriptNormalizer;
import io.gureum.speech.stt.Transcript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Real transcription, when the user has put a Vosk English model in the store of {@code $GUREUM_HOME} (nothing here
 * may download it) and the shared LibriVox utterances are there; skipped otherwise, saying what is missing.
 */
class VoskRealModelTest {
    private static VoskRecognizer vosk;
    private static ModelStore store;
    private static List<Utterance> utterances;

    @BeforeAll
    static void open() {
        store = new ModelStore(GureumHome.fromEnvironment().models(), ModelCatalog.builtIn());
        vosk = new VoskRecognizer(store);
    }

    /** Skips the test (each one, so the reason shows in the report) unless the model and the data are there. */
    @BeforeEach
    void modelAndData() throws Exception {
        assumeTrue(vosk.installed(), () -> "no Vosk model: " + store.placementInstructions(
                store.catalog().find(VoskRecognizer.PACK, Optional.empty()).orElseThrow()));
        if (utterances == null) utterances = LibriVox.utterances();
    }

    @AfterAll
    static void close() {
        if (vosk != null) vosk.close();
    }

    /** The floor is loose on purpose: it was not measured here (no model on the build machine). */
    @Test
    void transcribesWithWordTimesAndConfidences() {
        double errors = 0;
        for (Utterance utterance : utterances) {
            Transcript transcript = vosk.transcribe(SpeechClips.read(utterance.wav()), null);
            assertThat(transcript.language()).isEqualTo("en-US");
            assertThat(transcript.words()).isNotEmpty().allSatisfy(word -> {
                assertThat(word.start()).isBetween(0.0, word.end());
                assertThat(word.end()).isLessThanOrEqualTo(SpeechClips.read(utterance.wav()).seconds() + 0.1);
                assertThat(word.confidence()).isBetween(0.0, 1.0);
            });
            assertThat(String.join(" ", transcript.words().stream().map(Transcript.Word::text).toList())).isEqualTo(transcript.text());
            errors += wordErrorRate(utterance.text(), transcript.text());
        }
        assertThat(errors / utterances.size()).isLessThan(0.35);
    }

    @Test
    void parallelCallsGetTheSameTextAsOneCall() {
        Audio audio = SpeechClips.read(utterances.get(0).wav());
        String alone = vosk.transcribe(audio, "en-US").text();

        List<CompletableFuture<String>> together = List.of(1, 2, 3).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> vosk.transcribe(audio, "en").text())).toList();

        assertThat(together).allSatisfy(text -> assertThat(text.join()).isEqualTo(alone));
    }

    @Test
    void silenceIsAnEmptyTranscript() {
        Transcript silence = vosk.transcribe(new Audio(new float[Audio.SPEECH_RATE], Audio.SPEECH_RATE), null);
        assertThat(silence.text()).isEmpty();
        assertThat(silence.words()).isEmpty();
    }

    private static double wordErrorRate(String reference, String hypothesis) {
        return TextDistance.wordErrorRate(TranscriptNormalizer.normalize(reference), TranscriptNormalizer.normalize(hypothesis));
    }
}
