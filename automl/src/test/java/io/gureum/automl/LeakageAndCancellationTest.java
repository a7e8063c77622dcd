package io.gureum.automl;

import io.gureum.automl.data.CsvOptions;
import io.gureum.automl.data.Dataset;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class LeakageAndCancellationTest {
    /**
     * A column of 400 random categories over 1,200 rows is pure noise. Target-encoded on all rows before the folds
     * are cut, each category's mean would carry its rows' own labels and score an AUC far above 0.5; encoded inside
     * each fold (and out of fold for the training rows), it cannot.
     */
    @Test
    void aNoiseCategoryGetsNoCredit() {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("customer_code,noise_number,label\n");
        for (int i = 0; i < 1200; i++) {
            csv.append("c").append(random.nextInt(400)).append(',').append(random.nextGaussian()).append(',')
                    .append(random.nextBoolean() ? "yes" : "no").append('\n');
        }
        Dataset data = Dataset.read(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), CsvOptions.defaults());
        ExperimentResult result = AutoMl.run(data, ExperimentSpec.forTarget("label").withTimeBudget(Duration.ofSeconds(6)),
                ProgressListener.NONE, () -> false);
        assertThat(result.leaderboard()).isNotEmpty();
        for (LeaderboardEntry e : result.leaderboard()) assertThat(e.score()).as(e.modelId()).isLessThan(0.57);
    }

    /** Cancelled once two models have finished: the search stops within a couple of seconds and keeps them. */
    @Test
    void cancellationStopsPromptlyAndKeepsFinishedModels() {
        Random random = new Random(3);
        StringBuilder csv = new StringBuilder("a,b,c,y\n");
        for (int i = 0; i < 3000; i++) {
            double a = random.nextGaussian(), b = random.nextGaussian(), c = random.nextGaussian();
            csv.append(a).append(',').append(b).append(',').append(c).append(',').append(a + b * b + 0.5 * random.nextGaussian()).append('\n');
        }
        Dataset data = Dataset.read(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), CsvOptions.defaults());
        AtomicBoolean cancel = new AtomicBoolean();
        AtomicLong cancelledAt = new AtomicLong();
        ExperimentResult result = AutoMl.run(data, ExperimentSpec.forTarget("y").withTimeBudget(Duration.ofMinutes(5)), p -> {
            if (p.modelsTrained() >= 2 && !cancel.get()) {
                cancel.set(true);
                cancelledAt.set(System.nanoTime());
            }
        }, cancel::get);
        long stoppedAfterMillis = (System.nanoTime() - cancelledAt.get()) / 1_000_000;
        assertThat(result.ending()).isEqualTo(ExperimentResult.Ending.CANCELLED);
        assertThat(result.leaderboard().stream().filter(e -> !e.family().equals("StackedEnsemble"))).hasSize(2);
        // not a speed figure: without cooperative checks between rounds it would run on for the whole 5-minute budget
        assertThat(stoppedAfterMillis).as("ms from cancel to return").isLessThan(10_000);
        assertThat(result.leader().score()).isLessThan(1.0); // RMSE; the noise alone is 0.5
        try (var model = result.leaderModel()) {
            assertThat(model.card().task()).isEqualTo(Task.REGRESSION);
        }
    }
}
