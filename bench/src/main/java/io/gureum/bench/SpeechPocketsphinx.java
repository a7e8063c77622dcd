package io.gureum.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The peer of {@code bench speech}'s speech-to-text: CMU's own C decoder as Debian ships it ({@code pocketsphinx}
 * 0.8+5prealpha, its US English models from {@code pocketsphinx-en-us}), run as scripts run it: one
 * {@code pocketsphinx_continuous -infile FILE -logfn /dev/null} per file, default settings. It prints one line of
 * words per stretch of speech it finds. A run's time is the whole process, start to exit, which holds loading its
 * models; {@link #LOAD_PROBE_SECONDS} of silence measures that load alone.
 */
final class SpeechPocketsphinx {
    static final String EXECUTABLE = "pocketsphinx_continuous";
    static final String INSTALL = "sudo apt-get install -y pocketsphinx pocketsphinx-en-us";
    /** The silent file whose run time is the model load (and process start): 0.1 s is too short to hold speech. */
    static final double LOAD_PROBE_SECONDS = 0.1;
    private static final long TIMEOUT_SECONDS = 300;

    private final String executable;

    SpeechPocketsphinx(String executable) {
        this.executable = executable;
    }

    /** {@code pocketsphinx_continuous -infile FILE -logfn /dev/null}: the log off, so stdout is the words alone. */
    static List<String> command(String executable, Path wav) {
        return List.of(executable, "-infile", wav.toString(), "-logfn", "/dev/null");
    }

    /** What one run printed, as one line of words (one line per stretch of speech, joined). */
    static String words(String stdout) {
        return String.join(" ", stdout.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

    /**
     * Pocketsphinx's published results ({@code test-lm.match}: {@code words (utterance-id score)} a line), by
     * utterance id.
     */
    static Map<String, String> parseMatch(List<String> lines) {
        Map<String, String> byId = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank()) continue;
            int open = line.lastIndexOf('(');
            int close = line.lastIndexOf(')');
            if (open < 0 || close < open) throw new IllegalArgumentException("not a Sphinx match line: " + line);
            String[] idAndScore = line.substring(open + 1, close).strip().split("\\s+");
            byId.put(idAndScore[0], line.substring(0, open).strip());
        }
        return byId;
    }

    /** The package's version from dpkg ({@code 0.8+5prealpha+1-15}), or null off Debian. */
    static String debianVersion(String pkg) {
        try {
            Process p = new ProcessBuilder("dpkg-query", "-W", "-f", "${Version}", pkg).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 && !out.isEmpty() ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    String name() {
        String version = debianVersion("pocketsphinx");
        return EXECUTABLE + (version != null ? " " + version : "");
    }

    /** One run: its words and its wall time from process start to exit. */
    record Run(String words, double seconds) {}

    Run run(Path wav) throws IOException {
        List<String> command = command(executable, wav);
        Path stderr = Files.createTempFile("gureum-bench-pocketsphinx-", ".log");
        try {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            byte[] out;
            try (InputStream in = process.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " ran over " + TIMEOUT_SECONDS + " s");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ": "
                        + Files.readString(stderr, StandardCharsets.UTF_8).strip());
            }
            return new Run(words(new String(out, StandardCharsets.UTF_8)), seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(stderr);
        }
    }
}
