package io.gureum.speech.tts.espeak;

import io.gureum.speech.tts.Voice;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class EspeakSynthesizerTest {
    @Test
    void rateAndPitchMultipliersBecomeEspeaksParameters() {
        assertThat(EspeakSynthesizer.wordsPerMinute(1)).isEqualTo(175);
        assertThat(EspeakSynthesizer.wordsPerMinute(2)).isEqualTo(350);
        assertThat(EspeakSynthesizer.wordsPerMinute(0.5)).isEqualTo(88);
        assertThat(EspeakSynthesizer.pitchParameter(1)).isEqualTo(50);
        assertThat(EspeakSynthesizer.pitchParameter(1.3)).isBetween(74, 77);
        assertThat(EspeakSynthesizer.pitchParameter(1.5)).isBetween(88, 91);
        assertThat(EspeakSynthesizer.pitchParameter(0.5)).as("below what espeak can do").isZero();
    }

    @Test
    void languagesAreMatchedTheWayEspeakListsThem() {
        EspeakSynthesizer espeak = installed();
        assertThat(espeak.voicesForLanguage("zh").get(0).id()).isEqualTo("espeak:cmn");
        assertThat(espeak.voicesForLanguage("no").get(0).id()).isEqualTo("espeak:nb");
        assertThat(espeak.voicesForLanguage("en").get(0).id()).isEqualTo("espeak:en-gb");
        assertThat(espeak.voicesForLanguage("ko-KR").get(0).id()).isEqualTo("espeak:ko");
        assertThat(espeak.voicesForLanguage("xx")).isEmpty();
    }

    /** Latin letters, as some languages (Hebrew, Turkmen, ...) have no rules for digits. */
    @Test
    void everyListedVoiceSpeaks() {
        EspeakSynthesizer espeak = installed();
        List<String> silent = new ArrayList<>();
        for (Voice voice : espeak.voices()) {
            if (espeak.synthesize("hello world", voice, 1, 1).length < voice.sampleRate() / 2) silent.add(voice.id());
        }
        assertThat(silent).isEmpty();
    }

    private static EspeakSynthesizer installed() {
        assumeTrue(EspeakSynthesizer.load().isPresent(), "espeak-ng is not installed (Debian package libespeak-ng1)");
        return EspeakSynthesizer.load().get();
    }
}
