package io.gureum.bench;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code wrk --latency} run reports, parsed from its text output: throughput, the latency
 * percentiles (in microseconds), completed requests, non-2xx/3xx responses and socket errors.
 *
 * @param requestsPerSecond the {@code Requests/sec:} line
 * @param p50Micros         the {@code 50%} line of {@code Latency Distribution}
 * @param p99Micros         the {@code 99%} line of {@code Latency Distribution}
 * @param requests          the {@code N requests in ...} line
 * @param non2xx            the {@code Non-2xx or 3xx responses:} line, 0 when wrk printed none
 * @param socketErrors      the sum of the {@code Socket errors:} line (connect, read, write, timeout), 0 when absent
 */
public record WrkResult(double requestsPerSecond, double p50Micros, double p99Micros, long requests, long non2xx,
                        long socketErrors) {

    private static final Pattern REQUESTS_PER_SEC = Pattern.compile("(?m)^\\s*Requests/sec:\\s*([0-9.]+)\\s*$");
    private static final Pattern REQUESTS = Pattern.compile("(?m)^\\s*(\\d+) requests in ");
    private static final Pattern NON_2XX = Pattern.compile("(?m)^\\s*Non-2xx or 3xx responses:\\s*(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "(?m)^\\s*Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final String DISTRIBUTION = "Latency Distribution";

    /** True when every response was 2xx/3xx and no socket failed. */
    public boolean clean() {
        return non2xx == 0 && socketErrors == 0;
    }

    /**
     * Parses wrk 4.x output produced with {@code --latency}.
     *
     * @throws IllegalArgumentException when a required line (Requests/sec, the 50% or 99% percentile, the
     *                                  request count) is missing, with the output in the message
     */
    public static WrkResult parse(String output) {
        double rps = number(REQUESTS_PER_SEC, output, "Requests/sec");
        int distribution = output.indexOf(DISTRIBUTION);
        if (distribution < 0) throw missing("'" + DISTRIBUTION + "' (was wrk run with --latency?)", output);
        String percentiles = output.substring(distribution);
        double p50 = percentile(percentiles, "50").orElseThrow(() -> missing("the 50% latency", output));
        double p99 = percentile(percentiles, "99").orElseThrow(() -> missing("the 99% latency", output));
        long requests = (long) number(REQUESTS, output, "'N requests in'");
        Matcher non2xx = NON_2XX.matcher(output);
        long bad = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
        Matcher socket = SOCKET_ERRORS.matcher(output);
        long errors = 0;
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) errors += Long.parseLong(socket.group(g));
        }
        return new WrkResult(rps, p50, p99, requests, bad, errors);
    }

    /** A percentile line of the distribution block, e.g. {@code "     99%   12.34ms"}, in microseconds. */
    static OptionalDouble percentile(String distribution, String percent) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(percent) + "(?:\\.0+)?%\\s+(\\S+)\\s*$").matcher(distribution);
        return m.find() ? OptionalDouble.of(micros(m.group(1))) : OptionalDouble.empty();
    }

    /** wrk's time format ({@code 812.00us}, {@code 4.21ms}, {@code 1.02s}, {@code 1.50m}, {@code 2.00h}) in microseconds. */
    static double micros(String time) {
        Matcher m = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(us|ms|s|m|h)").matcher(time.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new IllegalArgumentException("not a wrk time: '" + time + "'");
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value;
            case "ms" -> value * 1_000;
            case "s" -> value * 1_000_000;
            case "m" -> value * 60_000_000;
            default -> value * 3_600_000_000.0;
        };
    }

    private static double number(Pattern pattern, String output, String what) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) throw missing(what, output);
        return Double.parseDouble(m.group(1));
    }

    private static IllegalArgumentException missing(String what, String output) {
        return new IllegalArgumentException("wrk output has no " + what + ":\n" + output);
    }
}
