package io.gureum.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MachineCpuTest {
    @Test
    void childrenTicksAreCutimePlusCstimeEvenWithSpacesInTheCommandName() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
        String line = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 200 0 0 350 40 1234 56 20 0 30 0 1653723";
        assertThat(MachineCpu.parseChildrenTicks(line)).isEqualTo(1234 + 56);
        assertThatThrownBy(() -> MachineCpu.parseChildrenTicks("nonsense")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void busyTicksSkipIdleAndIowait() {
        assertThat(MachineCpu.parseBusyTicks("cpu  10 2 3 1000 50 4 5 0 0 0")).isEqualTo(10 + 2 + 3 + 4 + 5);
    }
}
