package io.gureum.bench;

import io.gureum.bench.ChatbotReport.Prediction;
import io.gureum.chatbot.nlu.Clinc150;
import io.gureum.core.SharedData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ChatbotReportTest {
    /** 4 in-scope phrases (2 right, 1 wrong intent, 1 turned away) and 2 out-of-scope queries (1 flagged). */
    private static ChatbotReport report() {
        List<Prediction> predictions = List.of(
                new Prediction("balance", "balance", 1.0),
                new Prediction("transfer", "transfer", 2.0),
                new Prediction("transfer", "balance", 3.0),
                new Prediction("balance", null, 4.0),
                new Prediction(null, null, 5.0),
                new Prediction(null, "balance", 100.0));
        return new ChatbotReport(Map.of("embeddingModel", "m@1"), 200, 10, 0.5, 42.0, predictions, 1_000_000,
                Map.of("threshold", 0.3, "heldOutInScopeAccuracy", 0.95, "heldOutOutOfScopeRecall", 0.8));
    }

    @Test
    void outOfScopeCountsAsWrongInScopeAndRecallIsTheFlaggedQueries() {
        ChatbotReport r = report();
        assertThat(r.inScopeTotal()).isEqualTo(4);
        assertThat(r.inScopeCorrect()).isEqualTo(2);
        assertThat(r.inScopeFlagged()).isEqualTo(1);
        assertThat(r.inScopeAccuracy()).isCloseTo(0.5, within(1e-12));
        assertThat(r.outOfScopeTotal()).isEqualTo(2);
        assertThat(r.outOfScopeRecall()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void latencyQuantilesAreNearestRankOverEveryParse() {
        ChatbotReport r = report();
        assertThat(r.parseMillis(0.5)).isEqualTo(3.0);   // 6 parses: rank 3
        assertThat(r.parseMillis(0.95)).isEqualTo(100.0); // rank 6
        assertThat(ChatbotReport.quantile(new double[0], 0.5)).isNaN();
        assertThat(ChatbotReport.quantile(new double[] {7}, 0.95)).isEqualTo(7);
    }

    @Test
    void targetsJudgeEachFigureAgainstTheIssuesBar() {
        List<String> targets = report().targets();
        assertThat(targets).hasSize(4);
        assertThat(targets.get(0)).contains("in-scope accuracy").contains("50.0%").endsWith("MISS");
        assertThat(targets.get(1)).contains("out-of-scope recall").endsWith("PASS"); // 50% ≥ 50%
        assertThat(targets.get(2)).contains("210 phrases").contains("42.0 s").endsWith("PASS");
        assertThat(targets.get(3)).contains("3.00 ms").endsWith("PASS");
        assertThat(report().table()).contains("BERT (Larson et al. 2019)").contains("96.9%").contains("40.3%");
        assertThat(report().toMap()).containsKeys("setup", "inScope", "outOfScope", "parseMillis", "publishedLarson2019", "targets");
    }

    /** The reader the bench and the evaluation test share; skips without the shared data. */
    @Test
    void readsClinc150WhenTheSharedDataIsThere() throws IOException {
        Path file = SharedData.resolve(Clinc150.SHARED_DATA_FILE);
        assumeTrue(Files.isRegularFile(file), "no " + file + ": skipped");
        Clinc150 data = Clinc150.read(file);
        assertThat(data.train().inScope()).hasSize(15_000);
        assertThat(data.train().outOfScope()).hasSize(100);
        assertThat(data.val().inScope()).hasSize(3_000);
        assertThat(data.val().outOfScope()).hasSize(100);
    }
}
