package io.gureum.bench;

import io.gureum.core.SharedData;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LanguageBenchTest {

    @Test
    void reviewsAreReadWithTheirLabelsAndBlankOnesLeftOut() throws Exception {
        List<LanguageBench.Review> reviews = LanguageBench.reviews("amazon",
                "[{\"text\":\"Great for the jawbone.\",\"class\":1},{\"text\":\"  \",\"class\":0},{\"text\":\"Does not work.\",\"class\":0}]");
        assertThat(reviews).containsExactly(new LanguageBench.Review("amazon", "Great for the jawbone.", true),
                new LanguageBench.Review("amazon", "Does not work.", false));
    }

    @Test
    void theSharedReviewsAreTheTwoThousandUciSentences() throws Exception {
        assumeTrue(Files.isDirectory(SharedData.resolve("sentiment/uci")), "no shared data (GUREUM_SHARED_DATA)");
        List<LanguageBench.Review> reviews = LanguageBench.reviews();
        assertThat(reviews).hasSize(2000);
        assertThat(reviews.stream().filter(LanguageBench.Review::positive)).hasSize(1000);
    }

    @Test
    void outputsAndVectorsAreComparedPositionByPosition() {
        assertThat(LanguageBench.mismatches(List.of("a", "b", "c"), List.of("a", "B", "c"))).isEqualTo(1);
        assertThatThrownBy(() -> LanguageBench.mismatches(List.of("a"), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(LanguageBench.maxDifference(List.of(new float[]{0.5f, 0.25f}), List.of(new float[]{0.5f, 0.5f}))).isEqualTo(0.25);
        assertThat(LanguageBench.maxDifference(List.of(new float[]{1f}), List.of(new float[]{1f, 0f}))).isInfinite();
    }
}
