package io.gureum.speech.tts;

import io.gureum.speech.tts.espeak.EspeakSynthesizer;
import io.gureum.speech.tts.flite.FliteSynthesizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The real engines through {@link TextToSpeech}; each test skips when its engine's Debian package is absent. */
class TextToSpeechTest {
    static final String KOREAN = "안녕하세요. 오늘은 날씨가 정말 좋네요. 함께 공원에 산책하러 갈까요?";
    static final String ENGLISH = "The quick brown fox jumps over the lazy dog. Speech synthesis is working well today.";

    private final TextToSpeech tts = TextToSpeech.installed();

    @Test
    void espeakListsMoreThanAHundredVoicesKoreanAmongThem() {
        assumeEspeak();
        List<Voice> espeak = tts.voices().stream().filter(v -> v.engine().equals("espeak")).toList();
        assertThat(espeak).hasSizeGreaterThan(100);
        assertThat(espeak).extracting(Voice::id).doesNotHaveDuplicates();
        assertThat(espeak).contains(new Voice("espeak:ko", "Korean", "ko", Voice.MALE, "espeak", 22_050));
        assertThat(espeak).anySatisfy(v -> assertThat(v.language()).isEqualTo("en-GB-x-rp"));
    }

    @Test
    void fliteListsItsUsEnglishVoices() {
        assumeFlite();
        assertThat(tts.voices()).filteredOn(v -> v.engine().equals("flite")).extracting(Voice::id)
                .contains("flite:slt", "flite:rms", "flite:awb", "flite:kal16", "flite:kal");
        assertThat(tts.voice("flite:slt")).extracting(Voice::gender, Voice::language, Voice::sampleRate)
                .containsExactly(Voice.FEMALE, "en-US", 16_000);
        assertThat(tts.voice("flite:kal").sampleRate()).isEqualTo(8_000);
    }

    @Test
    void aLanguagePicksItsVoiceFliteForEnglishEspeakForTheRest() {
        assumeEspeak();
        assertThat(tts.voice("ko").id()).isEqualTo("espeak:ko");
        assertThat(tts.voice("ko-KR").id()).isEqualTo("espeak:ko");
        assertThat(tts.voice("zh").id()).isEqualTo("espeak:cmn");
        assertThat(tts.voice("fr").id()).isEqualTo("espeak:fr-fr");
        assertThat(tts.voice("en-GB").id()).isEqualTo("espeak:en-gb");
        assertThat(tts.voice("en").engine()).isEqualTo(FliteSynthesizer.load().isPresent() ? "flite" : "espeak");
    }

    @Test
    void aKoreanSentenceIsAudibleSpeechOfAPlausibleLength() throws IOException {
        assumeEspeak();
        RecordingSink sink = speak(SynthesisRequest.ofText(KOREAN, "ko"));
        assertThat(sink.sampleRate()).isEqualTo(22_050);
        assertThat(sink.rms()).isGreaterThan(500);
        assertThat(sink.seconds()).isBetween(2.0, 10.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"espeak:en-us", "espeak:en-gb", "flite:slt", "flite:rms", "flite:awb", "flite:kal16", "flite:kal"})
    void englishIsAudibleSpeechOfAPlausibleLength(String voice) throws IOException {
        assumeEngineOf(voice);
        RecordingSink sink = speak(SynthesisRequest.ofText(ENGLISH, voice));
        assertThat(sink.sampleRate()).isEqualTo(tts.voice(voice).sampleRate());
        assertThat(sink.rms()).isGreaterThan(500);
        assertThat(sink.seconds()).isBetween(3.0, 10.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"espeak:en-us", "espeak:ko", "flite:slt", "flite:kal"})
    void doubleRateIsClearlyShorter(String voice) throws IOException {
        assumeEngineOf(voice);
        String text = voice.endsWith("ko") ? KOREAN : ENGLISH;
        double normal = speak(SynthesisRequest.ofText(text, voice)).seconds();
        double fast = speak(SynthesisRequest.ofText(text, voice).withRate(2)).seconds();
        double slow = speak(SynthesisRequest.ofText(text, voice).withRate(0.5)).seconds();
        assertThat(fast).isLessThan(0.65 * normal);
        assertThat(slow).isGreaterThan(1.5 * normal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"espeak:en-us", "flite:slt", "flite:kal16"})
    void pitchMovesTheBaseFrequency(String voice) throws IOException {
        assumeEngineOf(voice);
        double normal = pitchOf(SynthesisRequest.ofText(ENGLISH, voice));
        double higher = pitchOf(SynthesisRequest.ofText(ENGLISH, voice).withPitch(40));
        double lower = pitchOf(SynthesisRequest.ofText(ENGLISH, voice).withPitch(-30));
        assertThat(higher / normal).as("+40%% from %.0f Hz", normal).isBetween(1.25, 1.55);
        assertThat(lower / normal).as("-30%% from %.0f Hz", normal).isBetween(0.6, 0.9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"espeak:en-us", "flite:slt"})
    void aOneSecondBreakAddsAboutOneSecond(String voice) throws IOException {
        assumeEngineOf(voice);
        double without = speak(SynthesisRequest.ofSsml("<speak>Hello there. How are you?</speak>", voice)).seconds();
        double with = speak(SynthesisRequest.ofSsml(
                "<speak>Hello there.<break time=\"1s\"/>How are you?</speak>", voice)).seconds();
        assertThat(with - without).isBetween(0.9, 1.5);
    }

    /** "abc" is no test: both engines spell a word they cannot pronounce anyway, so a real word is spelled. */
    @ParameterizedTest
    @ValueSource(strings = {"espeak:en-us", "flite:slt"})
    void sayAsCharactersSpellsAWordOut(String voice) throws IOException {
        assumeEngineOf(voice);
        double word = speak(SynthesisRequest.ofSsml("<speak>hello</speak>", voice)).seconds();
        double spelled = speak(SynthesisRequest.ofSsml(
                "<speak><say-as interpret-as=\"characters\">hello</say-as></speak>", voice)).seconds();
        assertThat(spelled).isGreaterThan(1.5 * word);
    }

    @Test
    void oneDocumentCanMixKoreanAndFliteEnglishAtOneRate() throws IOException {
        assumeEspeak();
        assumeFlite();
        RecordingSink sink = speak(SynthesisRequest.ofSsml(
                "<speak xml:lang=\"ko\">안녕하세요. <voice name=\"flite:slt\">Nice to meet you.</voice></speak>", null));
        assertThat(sink.sampleRate()).isEqualTo(22_050);
        assertThat(sink.rms()).isGreaterThan(500);
        assertThat(sink.seconds()).isBetween(1.5, 6.0);
    }

    /** Printed, not asserted: speed is for benchmarks. */
    @ParameterizedTest
    @ValueSource(strings = {"espeak:en-us", "espeak:ko", "flite:slt", "flite:kal16"})
    void firstChunkLatencyAndRealTimeFactor(String voice) throws IOException {
        assumeEngineOf(voice);
        String text = longText(voice.endsWith("ko") ? KOREAN : ENGLISH, 2000);
        speak(SynthesisRequest.ofText(text.substring(0, 200), voice)); // warm up
        long start = System.nanoTime();
        RecordingSink sink = new RecordingSink();
        tts.synthesize(SynthesisRequest.ofText(text, voice), sink);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-14s %d chars: first audio after %.1f ms; %.1f s of speech in %.3f s,"
                        + " %.0fx real time%n", voice, text.length(), sink.millisToFirstWrite(), sink.seconds(),
                seconds, sink.seconds() / seconds);
    }

    static String longText(String sentences, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) text.append(sentences).append(' ');
        return text.substring(0, length);
    }

    private double pitchOf(SynthesisRequest request) throws IOException {
        RecordingSink sink = speak(request);
        return Signals.medianPitchHz(sink.samples(), sink.sampleRate());
    }

    private RecordingSink speak(SynthesisRequest request) throws IOException {
        RecordingSink sink = new RecordingSink();
        tts.synthesize(request, sink);
        return sink;
    }

    static void assumeEspeak() {
        assumeTrue(EspeakSynthesizer.load().isPresent(), "espeak-ng is not installed (Debian package libespeak-ng1)");
    }

    static void assumeFlite() {
        assumeTrue(FliteSynthesizer.load().isPresent(), "flite is not installed (Debian package libflite1)");
    }

    static void assumeEngineOf(String voice) {
        if (voice.startsWith("espeak:")) assumeEspeak();
        else assumeFlite();
    }
}
