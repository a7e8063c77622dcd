package io.gureum.language.translation.apertium;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One running pipeline of a language pair (the pair's {@code .mode} with null-flush flags, as
 * {@code apertium-wblank-mode -z} writes it), fed one stream chunk at a time: the chunk and a NUL in, everything up
 * to the NUL that every stage passes on out. The pair's dictionaries are loaded once, when it starts.
 *
 * <p>Not thread-safe: {@link PipelinePool} lends it to one caller at a time. A writer and a reader thread move the
 * bytes, so the caller only ever waits on a queue with a deadline, and a stuck pipeline is killed instead of
 * blocking its caller. A pipeline that timed out, failed or printed something unasked is {@link #close closed} and
 * replaced: the stream position of what is left in it is unknown.
 */
final class ApertiumPipeline implements AutoCloseable {
    private static final byte[] NUL = {0};
    private static final Object END = new Object();
    private static final int STDERR_LINES_KEPT = 10;

    private final String pair;
    private final Process process;
    private final BlockingQueue<byte[]> toWrite = new LinkedBlockingQueue<>();
    private final BlockingQueue<Object> outputs = new LinkedBlockingQueue<>();   // String chunks, then END
    private final List<String> stderrTail = new ArrayList<>();   // guarded by itself
    private final Thread stderrReader;
    private volatile boolean closed;

    private ApertiumPipeline(String pair, Process process) {
        this.pair = pair;
        this.process = process;
        daemon("apertium-" + pair + "-in", this::writeLoop).start();
        daemon("apertium-" + pair + "-out", this::readLoop).start();
        this.stderrReader = daemon("apertium-" + pair + "-err", this::stderrLoop);
        stderrReader.start();
    }

    /**
     * Starts the pipeline: {@code bash -c <pipeline> apertium -g ''} as the {@code apertium} script runs it
     * ({@code $1}: lt-proc's generation mode, unknown words marked with '*'; {@code $2}: no tagger option).
     */
    static ApertiumPipeline start(String pair, String shellPipeline, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", shellPipeline, "apertium", "-g", "");
        builder.environment().putAll(environment);
        builder.environment().remove("LC_ALL");   // it would override the UTF-8 LC_CTYPE the environment sets
        return new ApertiumPipeline(pair, builder.start());
    }

    /**
     * Runs one chunk of an apertium stream (no NUL in it) through the pipeline.
     *
     * @throws TimeoutException when the output has not come by the deadline; the pipeline is closed
     * @throws IOException      when the pipeline ended or broke; the detail has the end of what it printed to stderr
     * @throws InterruptedException when the caller was interrupted; the pipeline is closed
     */
    String process(String chunk, long deadlineNanos) throws IOException, TimeoutException, InterruptedException {
        if (closed) throw new IOException("the " + pair + " pipeline is closed");
        if (!outputs.isEmpty()) {   // output nobody asked for: a stage ended and flushed, or the stream is out of step
            close();
            throw new IOException("the " + pair + " pipeline printed output between texts" + stderrSummary());
        }
        toWrite.add(chunk.getBytes(StandardCharsets.UTF_8));
        Object output;
        try {
            output = outputs.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            close();   // its output would come to the next caller
            throw e;
        }
        if (output == null) {
            close();
            throw new TimeoutException("the " + pair + " pipeline gave no output in time");
        }
        if (output == END) {
            close();
            throw new IOException("the " + pair + " pipeline ended (exit status " + exitStatus() + ")" + stderrSummary());
        }
        return (String) output;
    }

    /** Whether it is running and has nothing unread: fit to take a chunk. */
    boolean isHealthy() {
        return !closed && process.isAlive() && outputs.isEmpty();
    }

    /** The process ids of the pipeline's shell and stages (for tests that kill one). */
    List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        pids.add(process.pid());
        process.descendants().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    /** Kills the stages and their shell: they hold no state worth a graceful end. */
    @Override
    public void close() {
        closed = true;
        // the stages first: killing the shell alone would leave them running as orphans
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        toWrite.add(new byte[0]);   // wakes the writer, which sees closed
    }

    private void writeLoop() {
        try (OutputStream stdin = process.getOutputStream()) {
            while (!closed) {
                byte[] chunk = toWrite.take();
                if (closed) break;
                stdin.write(chunk);
                stdin.write(NUL);
                stdin.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the pipeline ended: the reader reports it to the caller
        }
    }

    private void readLoop() {
        try (InputStream stdout = new BufferedInputStream(process.getInputStream(), 1 << 16)) {
            ByteArrayOutputStream chunk = new ByteArrayOutputStream(1 << 12);
            int b;
            while ((b = stdout.read()) >= 0) {
                if (b == 0) {
                    outputs.add(chunk.toString(StandardCharsets.UTF_8));
                    chunk.reset();
                } else {
                    chunk.write(b);
                }
            }
        } catch (IOException e) {
            // killed or broken: as the end of output
        } finally {
            outputs.add(END);
        }
    }

    private void stderrLoop() {
        try (var err = process.errorReader(StandardCharsets.UTF_8)) {
            String line;
            while ((line = err.readLine()) != null) {
                synchronized (stderrTail) {
                    if (stderrTail.size() == STDERR_LINES_KEPT) stderrTail.remove(0);
                    stderrTail.add(line);
                }
            }
        } catch (IOException e) {
            // ended with the process
        }
    }

    private String stderrSummary() {
        try {
            // lets the last words of a dying stage arrive
            if (process.waitFor(200, TimeUnit.MILLISECONDS)) stderrReader.join(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (stderrTail) {
            return stderrTail.isEmpty() ? "" : "; it said: " + String.join(" | ", stderrTail);
        }
    }

    private String exitStatus() {
        try {
            return process.waitFor(200, TimeUnit.MILLISECONDS) ? Integer.toString(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}
