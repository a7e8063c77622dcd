package io.gureum.bench;

import io.gureum.bench.LanguageReport.EmbeddingModelPair;
import io.gureum.bench.LanguageReport.EmbeddingRun;
import io.gureum.bench.LanguageReport.Embeddings;
import io.gureum.bench.LanguageReport.SentimentAccuracy;
import io.gureum.bench.LanguageReport.Translation;
import io.gureum.bench.LanguageReport.TranslationSide;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LanguageReportTest {
    /** Two segments of 100 and 300 characters; ours takes 1-3 ms a segment, the command 200-400 ms. */
    private static Translation translation() {
        TranslationSide ours = new TranslationSide(LanguageReport.OURS, "gureum", Map.of(),
                List.of(List.of(0.001, 0.009, 0.002), List.of(0.003, 0.003, 0.500)), null);
        TranslationSide cli = new TranslationSide(LanguageReport.APERTIUM_CLI, "apertium", Map.of(),
                List.of(List.of(0.2, 0.3, 0.1), List.of(0.4, 0.3, 0.5)), null);
        return new Translation("udhr.tsv", "eng-spa", List.of(100, 300), List.of(ours, cli), 2, 0, 55.0, 0.2, 0.0, null);
    }

    @Test
    void translationSpeedIsTheCharactersOverTheSegmentsMedianTimesSummed() {
        Translation t = translation();
        TranslationSide ours = t.side(LanguageReport.OURS).orElseThrow();
        // per segment the median of the rounds: 2 ms and 3 ms; one slow round (500 ms) does not count
        assertThat(ours.totalSeconds()).isCloseTo(0.005, within(1e-12));
        assertThat(ours.medianSegmentSeconds()).isCloseTo(0.0025, within(1e-12));
        assertThat(ours.charactersPerSecond(t.totalCharacters())).isCloseTo(400 / 0.005, within(1e-6));
        // the command: 200 + 400 ms; 80,000 against 666.7 characters per second
        assertThat(t.ratio()).isCloseTo(0.6 / 0.005, within(1e-9));
    }

    @Test
    void targetsSayPassOrMissAndWhyNothingWasJudged() {
        List<EmbeddingRun> runs = List.of(
                new EmbeddingRun(LanguageReport.INT8, LanguageReport.OURS, 1, 1, List.of(90.0, 100.0, 110.0)),
                new EmbeddingRun(LanguageReport.INT8, LanguageReport.LANGCHAIN4J, 1, 1, List.of(125.0, 200.0, 120.0)),
                new EmbeddingRun(LanguageReport.INT8, LanguageReport.OURS, 1, 32, List.of(300.0)),
                new EmbeddingRun(LanguageReport.INT8, LanguageReport.LANGCHAIN4J, 1, 32, List.of(150.0)));
        Embeddings embeddings = new Embeddings("uci", 2000, 57, List.of(new EmbeddingModelPair(LanguageReport.INT8,
                "all-minilm-l6-v2-q@1", "AllMiniLmL6V2QuantizedEmbeddingModel", "ab".repeat(32), true, 1e-7, false)), runs, 0.0, null);
        assertThat(embeddings.ratio(LanguageReport.INT8, 1, 1)).isCloseTo(100.0 / 125.0, within(1e-12));
        assertThat(embeddings.ratio(LanguageReport.INT8, 8, 1)).isNaN();
        assertThat(embeddings.bestRatio(LanguageReport.INT8, 1, 1)).isCloseTo(110.0 / 200.0, within(1e-12));

        LanguageReport report = new LanguageReport(Map.of(), translation(), embeddings, null);
        List<String> targets = report.targets();
        assertThat(targets).hasSize(3);
        assertThat(targets.get(0)).contains("≥ 20×").contains("120×").endsWith("PASS");
        // medians 100 against 125: MISS; best rounds 110 against 200 agree
        assertThat(targets.get(1)).contains("int8, 1 caller × 1").contains("0.80×  MISS (best rounds: 0.55×)");
        assertThat(targets.get(2)).contains("int8, 1 caller × 32").contains("2.00×  PASS (best rounds: 2.00×)");
        assertThat(report.table()).contains("Translation eng-spa: 2 segments (400 characters)").contains("Targets");

        LanguageReport nothing = new LanguageReport(Map.of(), Translation.skipped("no data"), Embeddings.skipped("no reviews"), null);
        assertThat(nothing.targets()).containsExactly("translation chars/s ≥ 20× the apertium CLI's: not measured (no data)",
                "embeddings ≥ 1.0× langchain4j: not measured (no reviews)");
    }

    @Test
    void aMedianThatPassesIsFlaggedWhenTheQuietestRoundsWouldMiss() {
        List<EmbeddingRun> runs = List.of(
                new EmbeddingRun(LanguageReport.FP32, LanguageReport.OURS, 1, 1, List.of(230.0, 220.0, 240.0)),
                new EmbeddingRun(LanguageReport.FP32, LanguageReport.LANGCHAIN4J, 1, 1, List.of(110.0, 350.0, 105.0)));
        Embeddings embeddings = new Embeddings("uci", 2000, 57, List.of(new EmbeddingModelPair(LanguageReport.FP32,
                "all-minilm-l6-v2@1", "AllMiniLmL6V2EmbeddingModel", null, null, 0, true)), runs, 0.6, null);
        List<String> targets = new LanguageReport(Map.of(), null, embeddings, null).targets();
        assertThat(targets).hasSize(2);
        assertThat(targets.get(0)).startsWith("embeddings float32, 1 caller × 1, ≥ 1.0× langchain4j:")
                .endsWith("2.09×  PASS (best rounds: 0.69×, MISS in a quiet moment)");
        assertThat(targets.get(1)).isEqualTo("embeddings float32, 1 caller × 32, ≥ 1.0× langchain4j: not measured");
    }

    @Test
    void sentimentAccuracyWithDetectionLeavesTheRefusedOut() {
        SentimentAccuracy a = new SentimentAccuracy("amazon", 1000, 845, 5, 842);
        assertThat(a.accuracy()).isCloseTo(0.845, within(1e-12));
        assertThat(a.accuracyDetected()).isCloseTo(842.0 / 995, within(1e-12));
        assertThat(new SentimentAccuracy("none", 3, 1, 3, 0).accuracyDetected()).isNaN();
    }

    @Test
    void figuresAreWrittenReadably() {
        assertThat(LanguageReport.times(123.4)).isEqualTo("123×");
        assertThat(LanguageReport.times(12.34)).isEqualTo("12.3×");
        assertThat(LanguageReport.times(0.8)).isEqualTo("0.80×");
        assertThat(LanguageReport.times(Double.NaN)).isEqualTo("-");
        assertThat(LanguageReport.ms(0.00123)).isEqualTo("1.23");
        assertThat(LanguageReport.ms(0.3304)).isEqualTo("330");
        assertThat(LanguageReport.thousands(10509)).isEqualTo("10,509");
    }
}
