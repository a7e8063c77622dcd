package io.gureum.runtime.models;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an ecosystem client (mvn, npm, dpkg-query) with a time limit and turns any failure into a
 * {@link ModelInstallException} that quotes the tool's own output, which usually names the cause.
 */
final class ExternalCommand {
    private static final int TAIL_LINES = 30;

    private ExternalCommand() {}

    /** The launcher name on this OS ({@code mvn.cmd} on Windows). */
    static String executable(String name) {
        return System.getProperty("os.name", "").startsWith("Windows") ? name + ".cmd" : name;
    }

    /** Returns the command's output (stdout and stderr together) when it exits 0. */
    static String run(List<String> command, Path workDir, Duration timeout, String hintWhenMissing) {
        String shown = String.join(" ", command);
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw ModelInstallException.because("could not start '" + command.get(0) + "': " + e.getMessage()
                    + (hintWhenMissing.isEmpty() ? "" : ". " + hintWhenMissing));
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> drain(process.getInputStream(), output), "gureum-" + command.get(0) + "-output");
        reader.setDaemon(true);
        reader.start();
        try {
            process.getOutputStream().close(); // never wait for input we will not give
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw ModelInstallException.because("'" + shown + "' did not finish within "
                        + timeout.toMinutes() + " min" + tail(output));
            }
            reader.join(5_000);
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw ModelInstallException.because("interrupted while running '" + shown + "'");
        } catch (IOException e) {
            throw ModelInstallException.because("could not talk to '" + shown + "': " + e.getMessage());
        }
        if (process.exitValue() != 0) {
            throw ModelInstallException.because("'" + shown + "' failed with exit code " + process.exitValue() + tail(output));
        }
        return text(output);
    }

    private static void drain(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException ignored) {
            // the process went away; what we read so far is all there is
        }
    }

    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** The last lines of the tool's output, without terminal colour codes. */
    private static String tail(ByteArrayOutputStream out) {
        String[] lines = text(out).replaceAll("\u001B\\[[0-9;]*m", "").strip().split("\\R");
        if (lines.length == 1 && lines[0].isEmpty()) return " (no output)";
        List<String> last = Arrays.asList(lines).subList(Math.max(0, lines.length - TAIL_LINES), lines.length);
        return ":\n    " + String.join("\n    ", last);
    }
}
