package io.gureum.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TfjsPeerTest {
    @Test
    void readsTimingsAndPerModelErrors() throws Exception {
        String line = """
                {"tfjs":"4.22.0","backend":"cpu","node":"v20.20.2","models":[\
                {"id":"emotion","loadMs":1.2,"runs":12,"p50Ms":117.9,"p90Ms":119.1,"meanMs":118.0},\
                {"id":"nanodet","error":"Tensor is disposed."}]}""";
        TfjsPeer.Outcome o = new TfjsPeer("node", Path.of(".")).parse(line);
        assertThat(o.skipped()).isNull();
        assertThat(o.tfjsVersion()).isEqualTo("4.22.0");
        assertThat(o.backend()).isEqualTo("cpu");
        assertThat(o.timings().get("emotion")).isEqualTo(new ModelSpeed.Timing(12, 117.9, 119.1, 118.0));
        assertThat(o.errors()).containsEntry("nanodet", "Tensor is disposed.");
    }

    @Test
    void aMissingNodeIsAReasonToSkipNotAFailure() {
        String reason = new TfjsPeer("/nonexistent/node-for-gureum-test", Path.of("../bench/node")).unavailable();
        assertThat(reason).isNotNull();
    }

    @Test
    void percentilesAreNearestRank() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(VisionReport.percentile(sorted, 0.5)).isEqualTo(5);
        assertThat(VisionReport.percentile(sorted, 0.9)).isEqualTo(9);
        assertThat(VisionReport.percentile(new double[]{42}, 0.9)).isEqualTo(42);
        assertThat(VisionReport.percentile(new double[0], 0.5)).isNaN();
        assertThat(ModelSpeed.Timing.of(new double[]{3, 1, 2}).p50Ms()).isEqualTo(2);
    }
}
