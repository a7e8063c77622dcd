package io.gureum.speech.audio;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The ffmpeg command-line tool, for the formats Java does not decode (FLAC, MP3, Ogg, M4A, WebM) and for encoding
 * Ogg and MP3. Found on {@code PATH}, or where {@code GUREUM_FFMPEG} says; {@code GUREUM_FFMPEG=none} makes it
 * absent, as on a server without it. Thread-safe: every call runs its own ffmpeg process.
 */
public final class Ffmpeg {
    /** How an operator installs it on Debian and Ubuntu. */
    public static final String INSTALL_COMMAND = "sudo apt-get install -y ffmpeg";
    /** The output formats {@link #encoder} writes (WAV needs no ffmpeg: {@link WavWriter}). */
    public static final List<String> ENCODABLE_FORMATS = List.of("ogg", "mp3");

    private static final Set<Integer> OPUS_RATES = Set.of(8_000, 12_000, 16_000, 24_000, 48_000);
    private static final int[] MP3_RATES = {8_000, 11_025, 12_000, 16_000, 22_050, 24_000, 32_000, 44_100, 48_000};
    private static final int STDERR_LINES_KEPT = 20;

    private final Path executable;
    private Set<String> encoders; // probed on first use; guarded by this

    /** @param setting as {@code GUREUM_FFMPEG}: the executable's path, {@code none}, or null/blank to search PATH */
    public Ffmpeg(String setting) {
        if (setting == null || setting.isBlank()) {
            this.executable = onPath().orElse(null);
        } else if (setting.trim().equalsIgnoreCase("none")) {
            this.executable = null;
        } else {
            Path path = Path.of(setting.trim());
            this.executable = Files.isRegularFile(path) && Files.isExecutable(path) ? path : null;
        }
    }

    /** The ffmpeg this process is configured with: {@code GUREUM_FFMPEG}, else the one on PATH. */
    public static Ffmpeg locate() {
        return new Ffmpeg(System.getenv("GUREUM_FFMPEG"));
    }

    public boolean available() {
        return executable != null;
    }

    public Optional<Path> executable() {
        return Optional.ofNullable(executable);
    }

    /** {@link #decode(byte[], int, AudioLimits)} under {@link AudioLimits#DEFAULTS}. */
    public Audio decode(byte[] input, int sampleRate) {
        return decode(input, sampleRate, AudioLimits.DEFAULTS);
    }

    /**
     * Decodes any format ffmpeg reads to mono at {@code sampleRate} (ffmpeg downmixes and resamples as it decodes).
     *
     * @throws io.gureum.core.Problem 415 when ffmpeg is absent; 400 {@code invalid_audio} with ffmpeg's own words when
     *                                it cannot decode the bytes or they hold no samples; 413 {@code audio_too_long}
     *                                as soon as the output passes the limit
     */
    public Audio decode(byte[] input, int sampleRate, AudioLimits limits) {
        if (!available()) throw AudioProblems.needsFfmpeg("compressed audio");
        Path seekableCopy = null;
        Process process = null;
        try {
            // MP4 usually keeps its index (moov) after the audio, and ffmpeg cannot seek back to it in a pipe
            if (AudioFormat.sniff(input).orElse(null) == AudioFormat.MP4) {
                seekableCopy = Files.createTempFile("gureum-audio-", ".mp4");
                Files.write(seekableCopy, input);
            }
            String source = seekableCopy == null ? "pipe:0" : seekableCopy.toString();
            process = start(List.of(executable.toString(), "-nostdin", "-hide_banner", "-loglevel", "error",
                    "-i", source, "-ac", "1", "-ar", Integer.toString(sampleRate), "-f", "f32le", "pipe:1"));
            StderrTail stderr = new StderrTail(process);
            Thread feeder = feed(process, seekableCopy == null ? input : new byte[0]); // a file input: just close stdin
            float[] samples;
            try (InputStream stdout = process.getInputStream()) {
                samples = readFloats(stdout, limits.maxSamples(sampleRate), limits);
            }
            int exit = process.waitFor();
            feeder.join();
            stderr.join();
            if (exit != 0) {
                throw AudioProblems.invalid("ffmpeg could not decode it (" + stderr.lastLine() + "). The file may be"
                        + " truncated, corrupt or not audio.");
            }
            if (samples.length == 0) throw AudioProblems.noSamples();
            return new Audio(samples, sampleRate);
        } catch (IOException e) {
            throw new UncheckedIOException("ffmpeg failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ffmpeg decoded", e);
        } finally {
            if (process != null) process.destroyForcibly(); // no-op when it exited; stops it when we gave up early
            if (seekableCopy != null) seekableCopy.toFile().delete();
        }
    }

    /**
     * A stream that takes 16-bit little-endian mono PCM at {@code sampleRate} and writes it to {@code sink} encoded,
     * as ffmpeg produces it (a background thread copies and flushes, so a listener gets the first bytes early).
     * {@code close()} waits for ffmpeg to finish and flushes {@code sink}; it does not close it.
     *
     * @param format {@code ogg} (Opus, else Vorbis) or {@code mp3}
     * @throws io.gureum.core.Problem 415 {@code unsupported_audio_format} for another format, or when ffmpeg or its
     *                                encoder is not installed (naming the install command)
     */
    public OutputStream encoder(String format, int sampleRate, OutputStream sink) {
        String name = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        if (!ENCODABLE_FORMATS.contains(name)) throw AudioProblems.notEncodable(format, "not an output format", false);
        if (!available()) throw AudioProblems.notEncodable(name, "ffmpeg is not installed", true);
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-nostdin", "-hide_banner",
                "-loglevel", "error", "-f", "s16le", "-ar", Integer.toString(sampleRate), "-ac", "1", "-i", "pipe:0"));
        command.addAll(name.equals("ogg") ? oggCodec(sampleRate) : mp3Codec(sampleRate));
        command.addAll(List.of("-flush_packets", "1", "-f", name, "pipe:1"));
        try {
            return new EncoderStream(name, start(command), sink);
        } catch (IOException e) {
            throw new UncheckedIOException("ffmpeg failed to start: " + e.getMessage(), e);
        }
    }

    private List<String> oggCodec(int sampleRate) {
        if (encoders().contains("libopus")) {
            // 32 kbit/s is transparent for speech (ffmpeg's default spends twice that); Opus runs at 8, 12, 16, 24 or
            // 48 kHz only, so espeak-ng's 22050 Hz goes up to 48
            List<String> opus = new ArrayList<>(List.of("-c:a", "libopus", "-b:a", "32k"));
            if (!OPUS_RATES.contains(sampleRate)) opus.addAll(List.of("-ar", "48000"));
            return opus;
        }
        if (encoders().contains("libvorbis")) return List.of("-c:a", "libvorbis");
        throw AudioProblems.notEncodable("ogg", "this ffmpeg has neither the libopus nor the libvorbis encoder", true);
    }

    private List<String> mp3Codec(int sampleRate) {
        if (!encoders().contains("libmp3lame")) {
            throw AudioProblems.notEncodable("mp3", "this ffmpeg has no libmp3lame encoder", true);
        }
        // MP3 has nine sample rates; any other goes up to the next of them
        int rate = Arrays.stream(MP3_RATES).filter(r -> r >= sampleRate).findFirst().orElse(48_000);
        return List.of("-c:a", "libmp3lame", "-ar", Integer.toString(rate));
    }

    /** The encoder names this ffmpeg build has ({@code ffmpeg -encoders}), probed once. */
    synchronized Set<String> encoders() {
        if (encoders == null) {
            try {
                Process process = start(List.of(executable.toString(), "-hide_banner", "-encoders"));
                process.getOutputStream().close();
                new StderrTail(process);
                String listing = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                process.waitFor();
                // lines look like " A....D libmp3lame           libmp3lame MP3 (MPEG audio layer 3) (codec mp3)"
                encoders = listing.lines().map(String::trim).map(line -> line.split("\\s+"))
                        .filter(fields -> fields.length >= 2 && fields[0].length() == 6)
                        .map(fields -> fields[1]).collect(Collectors.toUnmodifiableSet());
            } catch (IOException e) {
                throw new UncheckedIOException("ffmpeg -encoders failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while probing ffmpeg's encoders", e);
            }
        }
        return encoders;
    }

    private static Process start(List<String> command) throws IOException {
        return new ProcessBuilder(command).start();
    }

    /** Writes on its own thread: ffmpeg writes while it reads, and a full stdout pipe would block both of us. */
    private static Thread feed(Process process, byte[] input) {
        return daemon("ffmpeg-stdin", () -> {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input);
            } catch (IOException stoppedReading) {
                // ffmpeg stops reading when it fails or has what it needs; its exit status says which
            }
        });
    }

    /** Little-endian floats as they come, refusing more than {@code maxSamples} before they are all in memory. */
    private static float[] readFloats(InputStream in, long maxSamples, AudioLimits limits) throws IOException {
        byte[] chunk = new byte[1 << 16];
        float[] samples = new float[1 << 16];
        int count = 0;
        int filled = 0;
        for (int n; (n = in.read(chunk, filled, chunk.length - filled)) > 0; ) {
            filled += n;
            int whole = filled / Float.BYTES;
            if (count + (long) whole > maxSamples) throw AudioProblems.longerThanLimit(limits);
            if (count + whole > samples.length) {
                samples = Arrays.copyOf(samples, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(2L * samples.length, count + whole)));
            }
            ByteBuffer.wrap(chunk, 0, whole * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(samples, count, whole);
            for (int i = count; i < count + whole; i++) samples[i] = Samples.clamp(samples[i]);
            count += whole;
            int rest = filled - whole * Float.BYTES;
            System.arraycopy(chunk, whole * Float.BYTES, chunk, 0, rest);
            filled = rest;
        }
        return Arrays.copyOf(samples, count);
    }

    private static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        return Arrays.stream(path.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .flatMap(dir -> List.of(Path.of(dir, "ffmpeg"), Path.of(dir, "ffmpeg.exe")).stream())
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The last lines ffmpeg wrote to stderr, drained on a thread so a chatty ffmpeg never blocks on a full pipe. */
    private static final class StderrTail {
        private final Deque<String> lines = new ArrayDeque<>();
        private final Thread reader;

        StderrTail(Process process) {
            reader = daemon("ffmpeg-stderr", () -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (line.isBlank() || line.trim().startsWith("Last message repeated")) continue;
                        synchronized (lines) {
                            if (lines.size() == STDERR_LINES_KEPT) lines.removeFirst();
                            lines.addLast(line.length() > 500 ? line.substring(0, 500) + "..." : line.trim());
                        }
                    }
                } catch (IOException closed) {
                    // the process is gone; what was read is what there is
                }
            });
        }

        void join() throws InterruptedException {
            reader.join();
        }

        String lastLine() {
            synchronized (lines) {
                return lines.isEmpty() ? "no message from ffmpeg" : lines.getLast();
            }
        }
    }

    /** PCM in, encoded bytes out to the sink on a background thread. */
    private static final class EncoderStream extends OutputStream {
        private final String format;
        private final Process process;
        private final OutputStream stdin;
        private final OutputStream sink;
        private final StderrTail stderr;
        private final Thread copier;
        private volatile IOException sinkFailure;
        private boolean closed;

        EncoderStream(String format, Process process, OutputStream sink) {
            this.format = format;
            this.process = process;
            this.stdin = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
            this.sink = sink;
            this.stderr = new StderrTail(process);
            this.copier = daemon("ffmpeg-encoded", this::copyToSink);
        }

        private void copyToSink() {
            byte[] buffer = new byte[1 << 14];
            try (InputStream encoded = process.getInputStream()) {
                for (int n; (n = encoded.read(buffer)) > 0; ) {
                    sink.write(buffer, 0, n);
                    sink.flush();
                }
            } catch (IOException e) {
                sinkFailure = e; // e.g. the listener went away: stop encoding for nobody
                process.destroyForcibly();
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (closed) throw new IOException("the " + format + " encoder is closed");
            try {
                stdin.write(b, off, len);
            } catch (IOException e) {
                throw failure(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                stdin.flush();
            } catch (IOException e) {
                throw failure(e);
            }
        }

        /** Ends the input, waits for ffmpeg to write the rest, and reports why it failed if it did. */
        @Override
        public void close() throws IOException {
            if (closed) return;
            closed = true;
            try {
                try {
                    stdin.close();
                } catch (IOException brokenPipe) {
                    // ffmpeg already stopped; its exit status and stderr say why
                }
                copier.join();
                int exit = process.waitFor();
                stderr.join();
                if (sinkFailure != null) throw sinkFailed();
                if (exit != 0) throw new IOException("ffmpeg could not encode " + format + ": " + stderr.lastLine());
                sink.flush();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while ffmpeg encoded " + format);
            }
        }

        /** A new exception each time: write and close may both report it, and one instance cannot suppress itself. */
        private IOException sinkFailed() {
            return new IOException("could not pass the encoded " + format + " on: " + sinkFailure.getMessage(), sinkFailure);
        }

        private IOException failure(IOException e) {
            if (sinkFailure != null) return sinkFailed();
            try {
                // the pipe broke because ffmpeg exited: let it finish saying why
                if (!process.waitFor(2, TimeUnit.SECONDS)) process.destroyForcibly();
                stderr.join();
            } catch (InterruptedException interrupted) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            return new IOException("ffmpeg stopped encoding " + format + ": " + stderr.lastLine(), e);
        }
    }
}
