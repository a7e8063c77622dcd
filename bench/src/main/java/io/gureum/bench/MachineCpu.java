package io.gureum.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The machine a bench ran on, and the CPU time the whole machine has been busy, from {@code /proc/stat}: with the
 * measured processes' own CPU it tells how much other processes took during a run (on a small machine a build next
 * door skews the numbers).
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

    /** CPU time this JVM has used so far (user + system, all threads), or -1 where the OS does not say. */
    static long processNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /**
     * CPU time of this JVM's child processes that have exited and been waited for (user + system, from
     * {@code /proc/self/stat}'s cutime and cstime), or -1 off Linux: what a peer run as a process per call used.
     */
    static long childrenNanos() {
        try {
            return parseChildrenTicks(Files.readString(Path.of("/proc/self/stat"))) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** cutime + cstime of a {@code /proc/<pid>/stat} line (fields 16 and 17; the command name may hold spaces). */
    static long parseChildrenTicks(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0) throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + statLine);
        // after "pid (comm) " come field 3 (state) onwards: cutime is field 16, cstime field 17
        String[] f = statLine.substring(close + 1).trim().split("\\s+");
        return Long.parseLong(f[16 - 3]) + Long.parseLong(f[17 - 3]);
    }

    /** The processor's model name from {@code /proc/cpuinfo}. */
    static String model() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException | UncheckedIOException e) {
            return "unknown CPU";
        }
    }

    /** Total memory, e.g. {@code 23.4 GiB}. */
    static String memory() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal:")).map(l -> l.replaceAll("\\D+", ""))
                    .map(kb -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(kb) / 1024.0 / 1024.0))
                    .findFirst().orElse("unknown");
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            return "unknown";
        }
    }

    /** The run's date and this machine and JVM, the first entries of every bench's setup (a mutable map to add to). */
    static java.util.Map<String, Object> describe() {
        java.util.Map<String, Object> setup = new java.util.LinkedHashMap<>();
        setup.put("date", java.time.Instant.now().toString());
        setup.put("cores", Runtime.getRuntime().availableProcessors());
        setup.put("cpu", model());
        setup.put("memory", memory());
        setup.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        setup.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        return setup;
    }
}
