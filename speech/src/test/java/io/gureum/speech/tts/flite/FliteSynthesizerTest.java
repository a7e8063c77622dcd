package io.gureum.speech.tts.flite;

import io.gureum.speech.tts.Voice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FliteSynthesizerTest {
    @Test
    void textIsFoldedToTheAsciiFliteReads() {
        assertThat(FliteSynthesizer.asciiFolded("Café “naïve” — it’s ½")).isEqualTo("Cafe \"naive\" - it's 1/2");
        assertThat(FliteSynthesizer.asciiFolded("안녕 hi")).matches(" +hi");
    }

    @Test
    void textWithNothingFliteCanReadGivesLittleOrNoAudioAndNoCrash() {
        FliteSynthesizer flite = installed();
        Voice slt = flite.voices().get(0);
        assertThat(flite.synthesize("안녕하세요", slt, 1, 1).length).isLessThan(slt.sampleRate());
    }

    @Test
    void theSameTextGivesTheSameSamples() {
        FliteSynthesizer flite = installed();
        for (Voice voice : flite.voices()) {
            short[] first = flite.synthesize("Hello world.", voice, 1, 1);
            flite.synthesize("Something else, faster and higher.", voice, 1.5, 1.2);
            assertThat(flite.synthesize("Hello world.", voice, 1, 1)).as(voice.id()).isEqualTo(first);
        }
    }

    private static FliteSynthesizer installed() {
        assumeTrue(FliteSynthesizer.load().isPresent(), "flite is not installed (Debian package libflite1)");
        return FliteSynthesizer.load().get();
    }
}
