package io.gureum.speech.tts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SsmlValuesTest {
    @Test
    void rates() {
        assertThat(SsmlValues.rate("x-fast", 1.5, 1.0)).isEqualTo(2.0);
        assertThat(SsmlValues.rate("+20%", 1.5, 1.0)).isCloseTo(1.8, within(1e-9));
        assertThat(SsmlValues.rate("-20%", 1.0, 1.0)).isCloseTo(0.8, within(1e-9));
        assertThat(SsmlValues.rate("150%", 1.0, 1.0)).isEqualTo(1.5);
        assertThat(SsmlValues.rate("0.5", 1.0, 1.0)).isEqualTo(0.5);
        assertThatThrownBy(() -> SsmlValues.rate("0", 1, 1)).hasMessageContaining("rate '0' is not valid");
        assertThatThrownBy(() -> SsmlValues.rate("+1", 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pitches() {
        assertThat(SsmlValues.pitch("x-low", 1.0, 1.0)).isEqualTo(0.8);
        assertThat(SsmlValues.pitch("+12st", 1.0, 1.0)).isCloseTo(2.0, within(1e-9));
        assertThat(SsmlValues.pitch("-10%", 1.0, 1.0)).isCloseTo(0.9, within(1e-9));
        assertThatThrownBy(() -> SsmlValues.pitch("120Hz", 1, 1)).hasMessageContaining("absolute Hz is not supported");
        assertThatThrownBy(() -> SsmlValues.pitch("50%", 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void volumes() {
        assertThat(SsmlValues.volume("silent", 1.0, 1.0)).isZero();
        assertThat(SsmlValues.volume("-6dB", 1.0, 1.0)).isCloseTo(0.501, within(0.001));
        assertThat(SsmlValues.volume("+50%", 1.0, 1.0)).isEqualTo(1.5);
        assertThat(SsmlValues.volume("50%", 1.0, 1.0)).isEqualTo(0.5);
        assertThatThrownBy(() -> SsmlValues.volume("-150%", 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void breaks() {
        assertThat(SsmlValues.breakTime("500ms")).isEqualTo(500);
        assertThat(SsmlValues.breakTime("1.5s")).isEqualTo(1500);
        assertThat(SsmlValues.breakTime("10s")).isEqualTo(10_000);
        assertThat(SsmlValues.breakStrength("none")).isZero();
        assertThat(SsmlValues.breakStrength("x-strong")).isEqualTo(1250);
        assertThatThrownBy(() -> SsmlValues.breakTime("10.5s")).hasMessageContaining("limit");
        assertThatThrownBy(() -> SsmlValues.breakTime("-1s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SsmlValues.breakTime("1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sayAsSpellsLettersAndReadsDigitsOneByOne() {
        assertThat(SayAs.CHARACTERS.spokenForm("abc")).isEqualTo("A-B-C");
        assertThat(SayAs.CHARACTERS.spokenForm("R2D2")).isEqualTo("R-2-D-2");
        assertThat(SayAs.CHARACTERS.spokenForm("a 12")).isEqualTo("A-1 2");
        assertThat(SayAs.DIGITS.spokenForm("2024")).isEqualTo("2 0 2 4");
        assertThat(SayAs.DIGITS.spokenForm("555-1234")).isEqualTo("5 5 5 - 1 2 3 4");
        assertThat(SayAs.of("spell-out")).isEqualTo(SayAs.CHARACTERS);
        assertThat(SayAs.of("date")).isNull();
    }
}
