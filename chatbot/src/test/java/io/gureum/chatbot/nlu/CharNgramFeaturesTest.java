package io.gureum.chatbot.nlu;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CharNgramFeaturesTest {
    @Test
    void countsEveryNgramOfTheNormalisedTextWithBoundaryMarkers() {
        // " hi  there " normalises to " hi there " (10 code points): 9 bigrams, 8 trigrams, 7 four-grams
        assertThat(CharNgramFeatures.hashedNgrams("  Hi \t THERE ", 18, 2, 4)).hasSize(24);
        assertThat(CharNgramFeatures.hashedNgrams("hi there", 18, 2, 4))
                .containsExactly(CharNgramFeatures.hashedNgrams("HI   there", 18, 2, 4));
    }

    @Test
    void koreanTextGetsUnitVectorsOverTheTrainingVocabulary() {
        var features = CharNgramFeatures.fit(List.of("잔액 조회해 주세요", "계좌 잔액이 얼마야", "비밀번호를 잊어버렸어요"), 18, 2, 4);
        SparseVector balance = features.vectorize("내 잔액 알려줘");
        assertThat(balance.size()).isPositive();
        double norm = 0;
        for (float v : balance.values()) norm += v * v;
        assertThat(norm).isCloseTo(1.0, within(1e-5));
        assertThat(balance.indices()).isSorted();
        assertThat(features.vectorize("zzz").size()).as("no n-gram in common with training").isZero();
    }
}
