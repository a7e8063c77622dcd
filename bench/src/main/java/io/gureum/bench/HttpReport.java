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

    /** One measured wrk run against one target in one round; {@code usageRequests} is -1 where not checked. */
    record Measurement(Target target, int round, WrkResult result, long warmUpRequests, long usageRequests) {}

    /** The medians over rounds of one target. */
    record Summary(Target target, int rounds, double requestsPerSecond, double p50Micros, double p99Micros, long non2xx,
                   long socketErrors) {}

    private final List<Measurement> measurements;
    private final double targetRatio;

    HttpReport(List<Measurement> measurements, double targetRatio) {
        this.measurements = List.copyOf(measurements);
        this.targetRatio = targetRatio;
    }

    List<Measurement> measurements() { return measurements; }

    Summary summary(Target target) {
        List<Measurement> of = measurements.stream().filter(m -> m.target() == target).toList();
        if (of.isEmpty()) throw new IllegalStateException("no measurement of " + target);
        return new Summary(target, of.size(),
                median(of, m -> m.result().requestsPerSecond()),
                median(of, m -> m.result().p50Micros()),
                median(of, m -> m.result().p99Micros()),
                of.stream().mapToLong(m -> m.result().non2xx()).sum(),
                of.stream().mapToLong(m -> m.result().socketErrors()).sum());
    }

    /** Platform req/s over bare req/s, both medians. */
    double ratio() {
        return summary(Target.PLATFORM).requestsPerSecond() / summary(Target.BARE).requestsPerSecond();
    }

    boolean passes() {
        return ratio() >= targetRatio;
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

    /** One line per measured run, in the order they ran. */
    String roundsTable() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "  %-5s  %-6s  %10s  %10s  %10s  %10s  %8s  %s%n",
                "round", "target", "req/s", "p50", "p99", "requests", "non-2xx", "metered"));
        for (Measurement m : measurements) {
            WrkResult r = m.result();
            out.append(String.format(Locale.ROOT, "  %-5d  %-6s  %10.0f  %10s  %10s  %10d  %8d  %s%n",
                    m.round(), m.target().shortName, r.requestsPerSecond(), latency(r.p50Micros()), latency(r.p99Micros()),
                    r.requests(), r.non2xx() + r.socketErrors(), m.usageRequests() < 0 ? "-" : m.usageRequests() + " calls"));
        }
        return out.toString();
    }

    /** The result table: medians of each target, then the ratio against the target. */
    String table() {
        Summary platform = summary(Target.PLATFORM);
        Summary bare = summary(Target.BARE);
        int width = Math.max(PLATFORM_LABEL.length(), BARE_LABEL.length());
        String row = "  %-" + width + "s  %10s  %10s  %10s  %8s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, row, "endpoint (median of " + platform.rounds() + " rounds)", "req/s", "p50", "p99", "errors"));
        out.append("  ").append("-".repeat(width + 46)).append('\n');
        for (Summary s : List.of(platform, bare)) {
            out.append(String.format(Locale.ROOT, row, s.target().label, String.format(Locale.ROOT, "%.0f", s.requestsPerSecond()),
                    latency(s.p50Micros()), latency(s.p99Micros()), s.non2xx() + s.socketErrors()));
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT, "  platform / bare throughput: %.1f%%  %s (target: at least %.0f%%)%n",
                ratio() * 100, passes() ? "PASS" : "BELOW", targetRatio * 100));
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
            runs.add(run);
        }
        out.put("runs", runs);
        Map<String, Object> medians = new LinkedHashMap<>();
        for (Target t : Target.values()) {
            Summary s = summary(t);
            medians.put(t.shortName, new LinkedHashMap<>(Map.of("label", t.label, "requestsPerSecond", s.requestsPerSecond(),
                    "p50Micros", s.p50Micros(), "p99Micros", s.p99Micros())));
        }
        out.put("medians", medians);
        out.put("ratio", ratio());
        out.put("targetRatio", targetRatio);
        out.put("verdict", passes() ? "PASS" : "BELOW");
        out.put("errors", hadErrors());
        return out;
    }
}
