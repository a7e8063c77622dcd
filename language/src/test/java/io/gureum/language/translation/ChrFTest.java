package io.gureum.language.translation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Figures computed with sacreBLEU 2.6.0's {@code CHRF()} (defaults: chrF2, 6 character orders, no whitespace). */
class ChrFTest {

    @Test
    void corpusScoreIsSacreBleus() {
        // the example of the Hugging Face chrF metric card, which calls sacreBLEU
        assertThat(ChrF.corpus(
                List.of("The relationship between cats and dogs is not exactly friendly.",
                        "a good bookshop is just a genteel black hole that knows how to read."),
                List.of("The relationship between dogs and cats is not exactly friendly.",
                        "A good bookshop is just a genteel Black Hole that knows how to read.")))
                .isCloseTo(84.64214891738334, within(1e-9));
        // statistics are summed over segments before the score, not averaged per segment
        assertThat(ChrF.corpus(List.of("a b c", "xyz"), List.of("abc", "xyzw"))).isCloseTo(81.11702127659574, within(1e-9));
    }

    @Test
    void sentenceScoresAreSacreBleus() {
        assertThat(ChrF.sentence("Hola Mundo.", "Hola mundo.")).isCloseTo(48.30026455026455, within(1e-9));
        // whitespace as Python's str.split() sees it, a no-break space included
        assertThat(ChrF.sentence("Tengo dos perros y un *xyzzy.", "Tengo dos\u00a0perros y\tun gato."))
                .isCloseTo(73.40677570089633, within(1e-9));
        // code points, not UTF-16 units: an emoji is one character
        assertThat(ChrF.sentence("안녕하세요 😀 세계", "안녕 😀 세계여")).isCloseTo(26.076300729456335, within(1e-9));
        assertThat(ChrF.sentence("ab", "ab")).isEqualTo(100.0);
        assertThat(ChrF.sentence("", "algo")).isEqualTo(0.0);
    }
}
