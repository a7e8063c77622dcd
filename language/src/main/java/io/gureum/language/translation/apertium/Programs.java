package io.gureum.language.translation.apertium;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Finding programs on {@code PATH} and running short ones (a format filter over one text) with a deadline. */
final class Programs {
    private Programs() {}

    /** The executable {@code name} in a folder of {@code PATH}, as a shell would find it. */
    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /**
     * Runs {@code command} with {@code input} on its standard input and returns its standard output.
     *
     * @throws TimeoutException when it has not ended by the deadline (it is killed)
     * @throws IOException      when it cannot start or exits with a failure; the detail has its stderr's end
     */
    static byte[] run(List<String> command, byte[] input, Map<String, String> environment, long deadlineNanos)
            throws IOException, TimeoutException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.environment().remove("LC_ALL");   // it would override the UTF-8 LC_CTYPE the environment sets
        Process process = builder.start();
        String name = command.get(0);
        try {
            // stdin, stdout and stderr each on a thread of its own: a filter may write before it has read everything
            FutureTask<byte[]> stdout = inBackground(name + "-out", () -> process.getInputStream().readAllBytes());
            FutureTask<byte[]> stderr = inBackground(name + "-err", () -> process.getErrorStream().readAllBytes());
            inBackground(name + "-in", () -> {
                try (OutputStream stdin = process.getOutputStream()) {
                    stdin.write(input);
                } catch (IOException stoppedReading) {
                    // its exit status and stderr say why
                }
                return null;
            });
            if (!process.waitFor(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new TimeoutException(name + " did not end in time");
            }
            byte[] output = stdout.get(1, TimeUnit.SECONDS);   // the pipe is at its end: only the last read is left
            if (process.exitValue() != 0) {
                String said = new String(stderr.get(1, TimeUnit.SECONDS), StandardCharsets.UTF_8).strip();
                throw new IOException(name + " failed (exit status " + process.exitValue() + ")"
                        + (said.isEmpty() ? "" : ": " + lastLines(said, 5)));
            }
            return output;
        } catch (ExecutionException e) {
            throw new IOException(name + ": " + e.getCause().getMessage(), e.getCause());
        } finally {
            process.destroyForcibly();   // no-op when it ended; stops it when we gave up
        }
    }

    private static <T> FutureTask<T> inBackground(String name, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    private static String lastLines(String text, int lines) {
        String[] all = text.split("\n");
        return String.join(" | ", List.of(all).subList(Math.max(0, all.length - lines), all.length));
    }
}
