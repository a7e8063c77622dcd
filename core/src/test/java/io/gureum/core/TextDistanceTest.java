package io.gureum.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TextDistanceTest {
    @Test
    void countsEditsOverTheTruthsLength() {
        assertThat(TextDistance.characterErrorRate("kitten", "sitting")).isCloseTo(3 / 6.0, within(1e-9));
        assertThat(TextDistance.characterErrorRate("abc", "abc")).isZero();
        assertThat(TextDistance.characterErrorRate("", "")).isZero();
        assertThat(TextDistance.characterErrorRate("", "x")).isEqualTo(1);
        assertThat(TextDistance.wordErrorRate("the quick brown fox", "the quack brown")).isCloseTo(2 / 4.0, within(1e-9));
    }

    @Test
    void layoutWhitespaceIsNotAnError() {
        assertThat(TextDistance.characterErrorRate("two\nlines  here ", "two lines here")).isZero();
        assertThat(TextDistance.wordErrorRate("a\tb\nc", "a b c")).isZero();
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        assertThat(TextDistance.characterErrorRate("한국어", "한국아")).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(TextDistance.characterErrorRate("𝒜b", "b")).isCloseTo(1 / 2.0, within(1e-9));
    }
}
