package io.gureum.speech.stt.whisper;

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
 * Real transcription, when the user has put the whisper-base model in the store of {@code $GUREUM_HOME} (nothing here
 * may download it) and the shared LibriVox utterances are there; skipped otherwise, saying what is missing.
 */
class WhisperRealModelTest {
    private static WhisperRecognizer whisper;
    private static ModelStore store;
    private static List<Utterance> utterances;

    @BeforeAll
    static void open() {
        store = new ModelStore(GureumHome.fromEnvironment().models(), ModelCatalog.builtIn());
        whisper = new WhisperRecognizer(store);
    }

    /** Skips the test (each one, so the reason shows in the report) unless the model and the data are there. */
    @BeforeEach
    void modelAndData() throws Exception {
        assumeTrue(whisper.installed(), () -> "no whisper model: " + store.placementInstructions(
                store.catalog().find(WhisperRecognizer.PACK, Optional.empty()).orElseThrow()));
        if (utterances == null) utterances = LibriVox.utterances();
    }

    @AfterAll
    static void close() {
        if (whisper != null) whisper.close();
    }

    /** The floor is loose on purpose: it was not measured here (no model on the build machine). */
    @Test
    void transcribesEnglishAndDetectsTheLanguage() {
        double errors = 0;
        for (Utterance utterance : utterances) {
            Transcript transcript = whisper.transcribe(SpeechClips.read(utterance.wav()), null);
            assertThat(transcript.language()).as(utterance.id()).isEqualTo("en");
            assertThat(transcript.words()).isEmpty(); // the binding gives no word times
            errors += wordErrorRate(utterance.text(), transcript.text());
        }
        assertThat(errors / utterances.size()).isLessThan(0.25);
    }

    @Test
    void aLanguageHintIsReportedAsAsked() {
        assertThat(whisper.transcribe(SpeechClips.read(utterances.get(1).wav()), "en-US").language()).isEqualTo("en-US");
    }

    /** Not "the same text": when a decode falls back to sampling, whisper's output may vary from call to call. */
    @Test
    void parallelCallsTranscribeAsWellAsOneCall() {
        Utterance utterance = utterances.get(0);

        List<CompletableFuture<String>> together = List.of(1, 2, 3).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> whisper.transcribe(SpeechClips.read(utterance.wav()), "en").text())).toList();

        assertThat(together).allSatisfy(text ->
                assertThat(wordErrorRate(utterance.text(), text.join())).isLessThan(0.35));
    }

    @Test
    void shortOrEmptyAudioIsNoError() {
        assertThat(whisper.transcribe(new Audio(new float[0], Audio.SPEECH_RATE), null).text()).isEmpty();
        // padded to the second whisper.cpp needs; what it hears in silence is its business, but it must answer
        assertThat(whisper.transcribe(new Audio(new float[Audio.SPEECH_RATE / 4], Audio.SPEECH_RATE), "en").language()).isEqualTo("en");
    }

    private static double wordErrorRate(String reference, String hypothesis) {
        return TextDistance.wordErrorRate(TranscriptNormalizer.normalize(reference), TranscriptNormalizer.normalize(hypothesis));
    }
}
