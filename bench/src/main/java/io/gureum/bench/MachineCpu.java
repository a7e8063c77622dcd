package io.gureum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time the whole machine has been busy, from {@code /proc/stat}: with the server's and wrk's own CPU it
 * tells how much other processes took during a run (on a small machine a build next door skews the numbers).
 */
final class MachineCpu {
    /** {@code /proc/stat} counts in USER_HZ, 100 per second on Linux. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private MachineCpu() {}

    /** Busy CPU time (user, nice, system, irq, softirq) of all cores since boot, or -1 off Linux. */
    static long busyNanos() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            return parseBusyTicks(first) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The busy ticks of the aggregate {@code cpu} line: user + nice + system + irq + softirq. */
    static long parseBusyTicks(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        if (!f[0].equals("cpu")) throw new IllegalArgumentException("not the aggregate cpu line: " + cpuLine);
        return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6]) + Long.parseLong(f[7]);
    }
}
