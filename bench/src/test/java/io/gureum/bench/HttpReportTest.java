package io.gureum.bench;

import io.gureum.bench.HttpReport.Measurement;
import io.gureum.bench.HttpReport.Target;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HttpReportTest {
    private static Measurement run(Target t, int round, double rps, double p50, double p99) {
        return new Measurement(t, round, new WrkResult(rps, p50, p99, (long) rps * 20, 0, 0), 0, -1, (long) (rps * 20 * 500_000), 20, 1_000_000_000L);
    }

    @Test
    void mediansOverRoundsAndTheRatio() {
        HttpReport report = new HttpReport(List.of(
                run(Target.PLATFORM, 1, 800, 70_000, 150_000), run(Target.BARE, 1, 1000, 60_000, 100_000),
                run(Target.BARE, 2, 1100, 58_000, 90_000), run(Target.PLATFORM, 2, 900, 65_000, 140_000),
                run(Target.PLATFORM, 3, 700, 80_000, 300_000), run(Target.BARE, 3, 900, 61_000, 120_000)), 0.8);
        assertThat(report.summary(Target.PLATFORM).requestsPerSecond()).isEqualTo(800);
        assertThat(report.summary(Target.PLATFORM).p99Micros()).isEqualTo(150_000);
        assertThat(report.summary(Target.BARE).requestsPerSecond()).isEqualTo(1000);
        assertThat(report.ratio()).isEqualTo(0.8);
        assertThat(report.passes()).isTrue();
        assertThat(report.summary(Target.BARE).cpuMicrosPerRequest()).isEqualTo(500);
        assertThat(report.summary(Target.BARE).cpuCores()).isEqualTo(0.5);
        assertThat(report.table()).contains(HttpReport.PLATFORM_LABEL, HttpReport.BARE_LABEL, "80.0%", "PASS", "150.00ms", "500us");
    }

    @Test
    void belowTheTargetSaysSo() {
        HttpReport report = new HttpReport(List.of(run(Target.PLATFORM, 1, 500, 1, 1), run(Target.BARE, 1, 1000, 1, 1)), 0.8);
        assertThat(report.passes()).isFalse();
        assertThat(report.table()).contains("50.0%", "BELOW");
    }

    @Test
    void latenciesInWrksUnits() {
        assertThat(HttpReport.latency(812)).isEqualTo("812us");
        assertThat(HttpReport.latency(4_210)).isEqualTo("4.21ms");
        assertThat(HttpReport.latency(1_020_000)).isEqualTo("1.02s");
    }

    @Test
    void warnsWhenOtherProcessesTookTheCores() {
        Measurement quiet = run(Target.BARE, 1, 1000, 1, 1);
        Measurement busy = new Measurement(Target.PLATFORM, 1, quiet.result(), 0, -1, -1, 20, 20_000_000_000L);
        HttpReport report = new HttpReport(List.of(busy, quiet), 0.8);
        assertThat(busy.otherCores()).isEqualTo(1.0);
        assertThat(report.table()).contains("WARNING: other processes kept up to 1.00 cores busy");
        assertThat(new HttpReport(List.of(run(Target.PLATFORM, 1, 900, 1, 1), quiet), 0.8).table()).doesNotContain("WARNING");
    }
}
