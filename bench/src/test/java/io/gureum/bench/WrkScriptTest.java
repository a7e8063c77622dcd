package io.gureum.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WrkScriptTest {
    @Test
    void luaStringsEscapeQuotesBackslashesAndNonAsciiBytes() {
        assertThat(Wrk.luaString("{\"text\":\"a\\\\b\"}")).isEqualTo("\"{\\\"text\\\":\\\"a\\\\\\\\b\\\"}\"");
        assertThat(Wrk.luaString("ä\n")).isEqualTo("\"\\195\\164\\010\"");
    }

    @Test
    void bashTimesGiveWrksCpuTime() {
        assertThat(Wrk.parseTimesLine("0m1.250s 0m0.500s")).isEqualTo(1_750_000_000L);
        assertThat(Wrk.parseTimesLine("1m0.000s 0m0.010s")).isEqualTo(60_010_000_000L);
    }

    @Test
    void machineBusyTicksSkipIdleIowaitAndSteal() {
        // cpu user nice system idle iowait irq softirq steal guest guest_nice
        assertThat(MachineCpu.parseBusyTicks("cpu  100 2 30 5000 40 5 6 70 0 0")).isEqualTo(143);
    }
}
