package io.gureum.speech.tts;

import io.gureum.core.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What {@link TextToSpeech} does around engines (validation, voices, streaming, pauses, volume, resampling,
 * metering), with the {@link ToneSynthesizer} stand-in so it runs where no engine is installed.
 */
class TextToSpeechRequestTest {
    private final ToneSynthesizer engine = new ToneSynthesizer();
    private final TextToSpeech tts = new TextToSpeech(List.of(engine), 1000);

    @Test
    void emptyTextIsA400() {
        for (SynthesisRequest request : List.of(SynthesisRequest.ofText("", null), SynthesisRequest.ofText(" \n\t", null),
                new SynthesisRequest(null, null, null, 1, 0, 1), SynthesisRequest.ofSsml("<speak> </speak>", null))) {
            Problem problem = problemOf(request);
            assertThat(problem.code()).isEqualTo(TtsProblems.EMPTY_TEXT);
            assertThat(problem.status()).isEqualTo(400);
        }
        assertThat(engine.spoken).isEmpty();
    }

    @Test
    void textOverTheLimitIsA413AndTextAtTheLimitIsSpoken() {
        Problem problem = problemOf(SynthesisRequest.ofText("a".repeat(1001), null));
        assertThat(problem.code()).isEqualTo(TtsProblems.TEXT_TOO_LONG);
        assertThat(problem.status()).isEqualTo(413);
        assertThat(problem.extensions()).containsEntry("limit", 1000).containsEntry("length", 1001);
        assertThat(problem.detail()).contains("1001", "1000");

        RecordingSink sink = speak(SynthesisRequest.ofText("a".repeat(1000), null));
        assertThat(sink.seconds()).isEqualTo(10.0);
    }

    @ParameterizedTest
    @CsvSource({"rate, 0.4", "rate, 2.1", "rate, NaN", "pitch, -51", "pitch, 50.5", "volume, -0.1", "volume, 2.01"})
    void ratePitchOrVolumeOutOfRangeIsA422(String field, double value) {
        SynthesisRequest request = SynthesisRequest.ofText("Hello.", null);
        request = switch (field) {
            case "rate" -> request.withRate(value);
            case "pitch" -> request.withPitch(value);
            default -> request.withVolume(value);
        };
        Problem problem = problemOf(request);
        assertThat(problem.code()).isEqualTo("validation_failed");
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.detail()).contains("'" + field + "'");
    }

    @Test
    void theEdgesOfTheRangesAreAccepted() throws IOException {
        for (SynthesisRequest request : List.of(SynthesisRequest.ofText("Hi.", null).withRate(0.5).withPitch(-50).withVolume(0),
                SynthesisRequest.ofText("Hi.", null).withRate(2).withPitch(50).withVolume(2))) {
            tts.synthesize(request, new RecordingSink());
        }
        assertThat(engine.spoken).extracting(ToneSynthesizer.Spoken::rate).containsExactly(0.5, 2.0);
        assertThat(engine.spoken).extracting(ToneSynthesizer.Spoken::pitch).containsExactly(0.5, 1.5);
    }

    @Test
    void textAndSsmlTogetherIsA422() {
        Problem problem = problemOf(new SynthesisRequest("Hi", "<speak>Hi</speak>", null, 1, 0, 1));
        assertThat(problem.code()).isEqualTo("validation_failed");
    }

    @Test
    void anUnknownVoiceIsA404SayingWhereVoicesAreListed() {
        for (String voice : List.of("tone:nobody", "xx-YY", "klingon:kor")) {
            Problem problem = problemOf(SynthesisRequest.ofText("Hello.", voice));
            assertThat(problem.code()).isEqualTo(TtsProblems.UNKNOWN_VOICE);
            assertThat(problem.status()).isEqualTo(404);
            assertThat(problem.detail()).contains(voice, "GET /v1/speech/voices");
        }
    }

    @Test
    void aVoiceOfAKnownEngineThatIsNotInstalledIsA503WithTheInstallCommand() {
        Problem problem = catchThrowableOfType(Problem.class, () -> tts.voice("flite:slt"));
        assertThat(problem.code()).isEqualTo(TtsProblems.ENGINE_NOT_INSTALLED);
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.extensions()).containsEntry("installCommand", "apt-get install libflite1");
    }

    @Test
    void withNoEngineThereAreNoVoicesAndSynthesisIsA503() {
        TextToSpeech none = new TextToSpeech(List.of(), 1000);
        assertThat(none.voices()).isEmpty();
        Problem problem = catchThrowableOfType(Problem.class,
                () -> none.synthesize(SynthesisRequest.ofText("Hello.", null), new RecordingSink()));
        assertThat(problem.code()).isEqualTo(TtsProblems.ENGINE_NOT_INSTALLED);
    }

    @Test
    void aLanguageTagPicksThatLanguagesVoice() {
        assertThat(tts.voice("ko")).isEqualTo(ToneSynthesizer.KOREAN);
        assertThat(tts.voice("ko-KR")).isEqualTo(ToneSynthesizer.KOREAN);
        assertThat(tts.voice("en-US")).isEqualTo(ToneSynthesizer.ENGLISH);
        assertThat(tts.voice("en")).isEqualTo(ToneSynthesizer.ENGLISH);
        assertThat(tts.voice("TONE:KO")).isEqualTo(ToneSynthesizer.KOREAN);
        assertThat(tts.voice(null)).isEqualTo(ToneSynthesizer.ENGLISH);
        assertThat(tts.sampleRate("ko")).isEqualTo(22_050);
        assertThat(tts.sampleRate(null)).isEqualTo(16_000);
    }

    @Test
    void longTextIsSpokenAndWrittenChunkByChunk() {
        String text = "This is sentence number one of many. ".repeat(20);
        RecordingSink sink = speak(SynthesisRequest.ofText(text, "tone:en"));
        assertThat(engine.spoken).hasSizeGreaterThan(2);
        assertThat(engine.spoken).allSatisfy(s -> assertThat(s.text()).hasSizeLessThanOrEqualTo(Sentences.MAX_CHUNK));
        assertThat(sink.writes()).isEqualTo(engine.spoken.size());
        assertThat(sink.samples()).hasSize(engine.spoken.stream().mapToInt(s -> s.text().length() * 160).sum());
    }

    @Test
    void aSinkThatFailsStopsTheSynthesis() {
        int[] writes = {0};
        PcmSink disconnecting = new PcmSink() {
            @Override
            public void start(int sampleRate) {}

            @Override
            public void write(short[] samples, int count) throws IOException {
                if (++writes[0] == 2) throw new IOException("client went away");
            }
        };
        String text = "This is sentence number one of many. ".repeat(20);
        assertThatThrownBy(() -> tts.synthesize(SynthesisRequest.ofText(text, null), disconnecting))
                .isInstanceOf(IOException.class).hasMessage("client went away");
        assertThat(engine.spoken).hasSize(2);
    }

    @Test
    void volumeScalesTheAmplitude() {
        double normal = speak(SynthesisRequest.ofText("Hello there.", null)).rms();
        assertThat(speak(SynthesisRequest.ofText("Hello there.", null).withVolume(0.5)).rms())
                .isCloseTo(normal / 2, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(speak(SynthesisRequest.ofText("Hello there.", null).withVolume(0)).rms()).isZero();
    }

    @Test
    void aBreakIsThatMuchSilence() {
        RecordingSink sink = speak(SynthesisRequest.ofSsml("<speak>ab<break time=\"500ms\"/>cd</speak>", "tone:en"));
        short[] samples = sink.samples();
        assertThat(samples).hasSize(320 + 8000 + 320);
        assertThat(Signals.rms(samples, 320, 320 + 8000)).isZero();
        assertThat(Signals.rms(samples, 8320, samples.length)).isGreaterThan(1000);
    }

    @Test
    void aVoiceOfAnotherRateIsResampledToTheRequestsRate() {
        RecordingSink sink = speak(SynthesisRequest.ofSsml(
                "<speak xml:lang=\"ko\">가<voice name=\"tone:en\">abc</voice></speak>", null));
        assertThat(sink.sampleRate()).isEqualTo(22_050);
        // the band-limited resampler rounds the length to the nearest sample (661.5 -> 662)
        assertThat(sink.samples().length).isBetween(220 + 3 * 160 * 22_050 / 16_000, 220 + 3 * 160 * 22_050 / 16_000 + 1);
    }

    @Test
    void billableCharactersAreTheSpokenTextWithoutMarkup() {
        assertThat(tts.billableCharacters(SynthesisRequest.ofText("  Hello \n\n world  ", null))).isEqualTo(11);
        assertThat(tts.billableCharacters(SynthesisRequest.ofText("안녕하세요 😀", null))).isEqualTo(7);
        assertThat(tts.billableCharacters(SynthesisRequest.ofSsml("""
                <speak xml:lang="en-US">
                  <prosody rate="fast">Hi</prosody> <sub alias="World Wide Web">WWW</sub>
                  <break time="1s"/><say-as interpret-as="characters">ab</say-as>
                </speak>""", null))).isEqualTo("Hi World Wide Web ab".length());
    }

    private RecordingSink speak(SynthesisRequest request) {
        RecordingSink sink = new RecordingSink();
        try {
            tts.synthesize(request, sink);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return sink;
    }

    private Problem problemOf(SynthesisRequest request) {
        Problem problem = catchThrowableOfType(Problem.class, () -> tts.synthesize(request, new RecordingSink()));
        assertThat(problem).as("a problem for %s", request).isNotNull();
        return problem;
    }
}
