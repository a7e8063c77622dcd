package io.gureum.automl;

import io.gureum.automl.data.Dataset;
import io.gureum.core.SharedData;
import org.junit.jupiter.api.Test;

import java.time.Duration;

class SmokeTest {
    @Test
    void smoke() {
        String file = System.getProperty("smoke.file", "credit-g.csv");
        String target = System.getProperty("smoke.target", "class");
        Dataset data = Dataset.read(SharedData.resolve("automl/csv/" + file));
        ExperimentResult r = AutoMl.run(data, ExperimentSpec.forTarget(target).withTimeBudget(Duration.ofSeconds(Long.getLong("smoke.seconds", 20))),
                p -> System.out.println(p), () -> false);
        for (LeaderboardEntry e : r.leaderboard()) System.out.println(e.modelId() + " " + e.score() + " " + e.metrics() + " " + e.trainingMillis() + "ms " + e.params() + " " + e.weights());
        System.out.println("tried " + r.modelsTried() + " pruned " + r.modelsPruned() + " " + r.ending());
        System.out.println(r.featureImportance());
    }
}
