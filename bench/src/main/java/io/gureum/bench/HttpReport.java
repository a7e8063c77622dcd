package io.gureum.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The numbers of {@code gureum bench http} and how they are printed: per round, then medians and the ratio. */
final class HttpReport {
    static final String PLATFORM_LABEL = "gureum /v1/language/detect (auth+rate limit+quota+metering)";
    static final String BARE_LABEL = "bare Javalin + Lingua";

    enum Target {
        PLATFORM(PLATFORM_LABEL, "gureum"), BARE(BARE_LABEL, "bare");

        final String label;
        final String shortName;

        Target(String label, String shortName) {
            this.label = label;
            this.shortName = shortName;
        }
    }

    /**
     * One measured wrk run against one target in one round.
     *
     * @param serverCpuNanos CPU time the server JVM used during the measured run (user + system), -1 when unknown
     * @param seconds        the measured run's wall time
     * @param usageRequests  the calls the platform metered (warm-up included), -1 where not checked
     * @param otherCpuNanos  CPU time of everything but the server and wrk during the measured run, -1 when unknown
     */
    record Measurement(Target target, int round, WrkResult result, long warmUpRequests, long usageRequests,
                       long serverCpuNanos, double seconds, long otherCpuNanos) {
        /** Cores that other processes (a build, tests) kept busy during the run on average; NaN when unknown. */
        double otherCores() {
            return otherCpuNanos < 0 || seconds <= 0 ? Double.NaN : Math.max(0, otherCpuNanos / 1e9 / seconds);
        }

        /** Server CPU per completed request, in microseconds; NaN when unknown. */
        double cpuMicrosPerRequest() {
            return serverCpuNanos < 0 || result.requests() == 0 ? Double.NaN : serverCpuNanos / 1e3 / result.requests();
        }

        /** Cores the server kept busy on average; NaN when unknown. */
        double cpuCores() {
            return serverCpuNanos < 0 || seconds <= 0 ? Double.NaN : serverCpuNanos / 1e9 / seconds;
        }
    }

    /** The medians over rounds of one target. */
    record Summary(Target target, int rounds, double requestsPerSecond, double p50Micros, double p99Micros, long non2xx,
                   long socketErrors, double cpuMicrosPerRequest, double cpuCores) {}

    private final List<Measurement> measurements;
    private final double targetRatio;
    private final String platformLabel;

    HttpReport(List<Measurement> measurements, double targetRatio) {
        this(measurements, targetRatio, PLATFORM_LABEL);
    }

    /** {@code platformLabel}: what the platform row is called, when a diagnostic run left a limit out. */
    HttpReport(List<Measurement> measurements, double targetRatio, String platformLabel) {
        this.measurements = List.copyOf(measurements);
        this.targetRatio = targetRatio;
        this.platformLabel = platformLabel;
    }

    String label(Target target) {
        return target == Target.PLATFORM ? platformLabel : target.label;
    }

    Summary summary(Target target) {
        List<Measurement> of = measurements.stream().filter(m -> m.target() == target).toList();
        if (of.isEmpty()) throw new IllegalStateException("no measurement of " + target);
        return new Summary(target, of.size(),
                median(of, m -> m.result().requestsPerSecond()),
                median(of, m -> m.result().p50Micros()),
                median(of, m -> m.result().p99Micros()),
                of.stream().mapToLong(m -> m.result().non2xx()).sum(),
                of.stream().mapToLong(m -> m.result().socketErrors()).sum(),
                medianOrNaN(of, Measurement::cpuMicrosPerRequest),
                medianOrNaN(of, Measurement::cpuCores));
    }

    /** Platform req/s over bare req/s, both medians. */
    double ratio() {
        return summary(Target.PLATFORM).requestsPerSecond() / summary(Target.BARE).requestsPerSecond();
    }

    boolean passes() {
        return ratio() >= targetRatio;
    }

    /** Above this many cores used by other processes during a run, the machine was not quiet enough to trust the numbers. */
    static final double QUIET_CORES = 0.25;

    /** The most cores other processes took during any run; 0 when unknown. */
    double maxOtherCores() {
        return measurements.stream().mapToDouble(Measurement::otherCores).filter(d -> !Double.isNaN(d)).max().orElse(0);
    }

    /** True when some run had a non-2xx/3xx response or a socket error: then the numbers are not to be trusted. */
    boolean hadErrors() {
        return measurements.stream().anyMatch(m -> !m.result().clean());
    }

    static double median(List<Measurement> of, ToDoubleFunction<Measurement> value) {
        double[] v = of.stream().mapToDouble(value).sorted().toArray();
        if (v.length == 0) throw new IllegalArgumentException("no values");
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    /** The median of the known values (NaN: unknown), NaN when none is known. */
    static double medianOrNaN(List<Measurement> of, ToDoubleFunction<Measurement> value) {
        List<Measurement> known = of.stream().filter(m -> !Double.isNaN(value.applyAsDouble(m))).toList();
        return known.isEmpty() ? Double.NaN : median(known, value);
    }

    /** One measured run, as printed while the bench goes on. */
    static String roundLine(Measurement m) {
        WrkResult r = m.result();
        return String.format(Locale.ROOT, "  round %d %-6s %7.0f req/s  p50 %-9s p99 %-9s %s  %s  %d requests, %d non-2xx, %d socket errors%s",
                m.round(), m.target().shortName, r.requestsPerSecond(), latency(r.p50Micros()), latency(r.p99Micros()),
                cpu(m.cpuMicrosPerRequest(), m.cpuCores()),
                Double.isNaN(m.otherCores()) ? "others ?" : String.format(Locale.ROOT, "others %.2f cores", m.otherCores()),
                r.requests(), r.non2xx(), r.socketErrors(),
                m.usageRequests() >= 0 ? ", " + m.usageRequests() + " calls metered" : "");
    }

    private static String cpu(double microsPerRequest, double cores) {
        return Double.isNaN(microsPerRequest) ? "cpu ?" : String.format(Locale.ROOT, "cpu %4.0fus/req (%.2f cores)", microsPerRequest, cores);
    }

    /** The result table: medians of each target, then the ratio against the target. */
    String table() {
        Summary platform = summary(Target.PLATFORM);
        Summary bare = summary(Target.BARE);
        int width = Math.max(platformLabel.length(), BARE_LABEL.length());
        String row = "  %-" + width + "s  %8s  %9s  %9s  %7s  %13s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, row, "endpoint (median of " + platform.rounds() + " rounds)", "req/s", "p50", "p99",
                "errors", "server CPU/req"));
        out.append("  ").append("-".repeat(width + 56)).append('\n');
        for (Summary s : List.of(platform, bare)) {
            out.append(String.format(Locale.ROOT, row, label(s.target()), String.format(Locale.ROOT, "%.0f", s.requestsPerSecond()),
                    latency(s.p50Micros()), latency(s.p99Micros()), s.non2xx() + s.socketErrors(),
                    Double.isNaN(s.cpuMicrosPerRequest()) ? "?" : String.format(Locale.ROOT, "%.0fus", s.cpuMicrosPerRequest())));
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT, "  platform / bare throughput: %.1f%%  %s (target: at least %.0f%%)%n",
                ratio() * 100, passes() ? "PASS" : "BELOW", targetRatio * 100));
        if (!platformLabel.equals(PLATFORM_LABEL)) {
            out.append("  DIAGNOSTIC RUN: the platform key leaves a limit out; this is not the acceptance measurement.\n");
        }
        if (maxOtherCores() > QUIET_CORES) {
            out.append(String.format(Locale.ROOT, "  WARNING: other processes kept up to %.2f cores busy during a run; the machine was not quiet"
                    + " and these numbers are skewed (rerun when it is idle).%n", maxOtherCores()));
        }
        if (hadErrors()) {
            out.append("  WARNING: some runs had non-2xx/3xx responses or socket errors; these numbers measure failures too.\n");
        }
        return out.toString();
    }

    /** Microseconds as wrk would print them: {@code 812us}, {@code 4.21ms}, {@code 1.02s}. */
    static String latency(double micros) {
        if (micros < 1_000) return String.format(Locale.ROOT, "%.0fus", micros);
        if (micros < 1_000_000) return String.format(Locale.ROOT, "%.2fms", micros / 1_000);
        return String.format(Locale.ROOT, "%.2fs", micros / 1_000_000);
    }

    /** The results as a JSON-ready map (for {@code --json}). */
    Map<String, Object> toMap(Map<String, Object> setup) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("setup", setup);
        List<Map<String, Object>> runs = new ArrayList<>();
        for (Measurement m : measurements) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("round", m.round());
            run.put("target", m.target().shortName);
            run.put("requestsPerSecond", m.result().requestsPerSecond());
            run.put("p50Micros", m.result().p50Micros());
            run.put("p99Micros", m.result().p99Micros());
            run.put("requests", m.result().requests());
            run.put("non2xx", m.result().non2xx());
            run.put("socketErrors", m.result().socketErrors());
            run.put("warmUpRequests", m.warmUpRequests());
            if (m.usageRequests() >= 0) run.put("meteredCalls", m.usageRequests());
            if (m.otherCpuNanos() >= 0) run.put("otherProcessesCores", m.otherCores());
            if (m.serverCpuNanos() >= 0) {
                run.put("serverCpuMicrosPerRequest", m.cpuMicrosPerRequest());
                run.put("serverCpuCores", m.cpuCores());
            }
            runs.add(run);
        }
        out.put("runs", runs);
        Map<String, Object> medians = new LinkedHashMap<>();
        for (Target t : Target.values()) {
            Summary s = summary(t);
            medians.put(t.shortName, new LinkedHashMap<>(Map.of("label", label(t), "requestsPerSecond", s.requestsPerSecond(),
                    "p50Micros", s.p50Micros(), "p99Micros", s.p99Micros(),
                    "serverCpuMicrosPerRequest", s.cpuMicrosPerRequest())));
        }
        out.put("medians", medians);
        out.put("ratio", ratio());
        out.put("targetRatio", targetRatio);
        out.put("verdict", passes() ? "PASS" : "BELOW");
        out.put("errors", hadErrors());
        out.put("maxOtherProcessesCores", maxOtherCores());
        return out;
    }
}
