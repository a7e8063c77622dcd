package io.gureum.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs the {@code wrk} load generator (Debian's package) and parses what it reports. */
final class Wrk {
    static final String INSTALL_HINT = "wrk is not installed: sudo apt-get install -y wrk";

    private final String executable;

    private Wrk(String executable) {
        this.executable = executable;
    }

    /** The {@code wrk} on the PATH (or the path given), or a {@link BenchException} saying how to install it. */
    static Wrk find(String nameOrPath) {
        if (nameOrPath.contains(File.separator)) {
            if (Files.isExecutable(Path.of(nameOrPath))) return new Wrk(nameOrPath);
            throw new BenchException(nameOrPath + " is not an executable file. " + INSTALL_HINT);
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, nameOrPath))) return new Wrk(Path.of(dir, nameOrPath).toString());
        }
        throw new BenchException(INSTALL_HINT);
    }

    /** The first line of {@code wrk -v}, without the copyright (wrk exits 1 there). */
    String version() {
        String out = exec(List.of(executable, "-v"), Map.of(), 10).output();
        String first = out.lines().findFirst().orElse("unknown").trim();
        int copyright = first.indexOf(" Copyright");
        return copyright > 0 ? first.substring(0, copyright) : first;
    }

    /** One run: the wrk command's text output, its parsed numbers and the CPU time wrk used (-1 when unknown). */
    record Run(List<String> command, String output, WrkResult result, long cpuNanos) {}

    /** {@code wrk -t threads -c connections -d seconds --latency -s script url}, its CPU time taken by bash's {@code times}. */
    Run run(String url, Path script, int threads, int connections, int seconds) {
        List<String> command = List.of(executable, "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency",
                "--timeout", "10s", "-s", script.toString(), url);
        Path times = script.resolveSibling("wrk-times.txt");
        List<String> wrapped = new ArrayList<>(List.of("bash", "-c", "\"$@\"; s=$?; times > \"$WRK_TIMES\"; exit $s", "wrk"));
        wrapped.addAll(command);
        Exec exec = exec(wrapped, Map.of("WRK_TIMES", times.toString()), seconds + 60L);
        if (exec.status() != 0) {
            throw new BenchException("wrk failed (status " + exec.status() + "): " + String.join(" ", command) + "\n" + exec.output());
        }
        try {
            return new Run(command, exec.output(), WrkResult.parse(exec.output()), childCpuNanos(times));
        } catch (IllegalArgumentException e) {
            throw new BenchException(e.getMessage());
        }
    }

    /** The children's line of bash's {@code times} ({@code 0m1.234s 0m0.567s}: user, system) in nanoseconds, -1 when unreadable. */
    static long childCpuNanos(Path timesFile) {
        try {
            List<String> lines = Files.readAllLines(timesFile);
            return lines.size() < 2 ? -1 : parseTimesLine(lines.get(1));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long parseTimesLine(String line) {
        long total = 0;
        for (String t : line.trim().split("\\s+")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)m([\\d.]+)s").matcher(t);
            if (!m.matches()) throw new IllegalArgumentException("not a bash times value: " + t);
            total += Math.round((Long.parseLong(m.group(1)) * 60 + Double.parseDouble(m.group(2))) * 1e9);
        }
        return total;
    }

    /** Writes the Lua script that makes every request a POST of {@code body} with these headers. */
    static Path script(Path file, String body, Map<String, String> headers) {
        StringBuilder lua = new StringBuilder("-- written by gureum bench http\n");
        lua.append("wrk.method = \"POST\"\n");
        lua.append("wrk.body = ").append(luaString(body)).append('\n');
        headers.forEach((k, v) -> lua.append("wrk.headers[").append(luaString(k)).append("] = ").append(luaString(v)).append('\n'));
        try {
            return Files.writeString(file, lua, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A double-quoted Lua 5.1 string literal for the UTF-8 bytes of {@code s}: printable ASCII kept, the rest as {@code \ddd}. */
    static String luaString(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '"' || c == '\\') out.append('\\').append((char) c);
            else if (c >= 0x20 && c < 0x7f) out.append((char) c);
            else out.append('\\').append(String.format("%03d", c));
        }
        return out.append('"').toString();
    }

    private record Exec(int status, String output) {}

    private static Exec exec(List<String> command, Map<String, String> env, long timeoutSeconds) {
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process p = builder.start();
            byte[] out = p.getInputStream().readAllBytes();   // ends when wrk exits
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new BenchException("wrk did not finish within " + timeoutSeconds + " s");
            }
            return new Exec(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BenchException("cannot run " + command.get(0) + ": " + e.getMessage() + ". " + INSTALL_HINT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while wrk ran");
        }
    }
}
