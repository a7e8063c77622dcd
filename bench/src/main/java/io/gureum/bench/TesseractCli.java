package io.gureum.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The {@code tesseract} command line (Debian's {@code tesseract-ocr}, traineddata from {@code tesseract-ocr-eng},
 * {@code -kor}), run as most scripts run it: one process per page, {@code tesseract PAGE stdout -l eng}, default
 * settings (page segmentation 3, the LSTM engine), plus {@code --psm 7} for an image that is one text line. A call's
 * time is the whole process: start, loading the traineddata, decoding the image, recognition.
 *
 * <p>Threads: Debian builds Tesseract with OpenMP, which by default uses every core; {@code ompThreadLimit} sets
 * {@code OMP_THREAD_LIMIT} for the process (Tesseract's own advice for running many at once; 1 matches Gureum's
 * in-process engine, whose JavaCPP build has no OpenMP), and otherwise any {@code OMP_THREAD_LIMIT} in the bench's
 * environment is removed so that the defaults apply.
 */
final class TesseractCli implements OcrPeer {
    static final String ID = "tesseract-cli";
    /** The same with {@code OMP_THREAD_LIMIT=1}. */
    static final String ID_ONE_THREAD = "tesseract-cli-1t";
    private static final long TIMEOUT_SECONDS = 600;
    /** ISO 639-1 to traineddata, for the languages the bench reads. */
    private static final Map<String, String> TRAINEDDATA = Map.of("en", "eng", "ko", "kor", "zh", "chi_sim");

    private final String executable;
    private final Integer ompThreadLimit;
    private final Path stderr;
    private String version;
    private Set<String> installed;

    /** @param ompThreadLimit {@code OMP_THREAD_LIMIT} for each process, or null for Tesseract's default (all cores) */
    TesseractCli(String executable, Integer ompThreadLimit) {
        this.executable = executable;
        this.ompThreadLimit = ompThreadLimit;
        try {
            this.stderr = Files.createTempFile("gureum-bench-tesseract-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the command cannot be run here (with the install command), or null when it can. */
    String unavailable() {
        try {
            List<String> out = run(List.of(executable, "--version"));
            version = out.isEmpty() ? "?" : out.get(0).strip();
            installed = new LinkedHashSet<>();
            for (String l : run(List.of(executable, "--list-langs"))) {
                String code = l.strip();
                TRAINEDDATA.forEach((iso, data) -> {
                    if (data.equals(code)) installed.add(iso);
                });
            }
            if (!installed.contains("en")) return "the tesseract command has no eng traineddata (sudo apt-get install -y tesseract-ocr-eng)";
            return null;
        } catch (IOException | RuntimeException e) {
            return "no '" + executable + "' command (sudo apt-get install -y tesseract-ocr tesseract-ocr-eng): " + e.getMessage();
        }
    }

    /** {@code executable file stdout -l eng[+kor] [--psm 7]}. */
    static List<String> command(String executable, Path file, List<String> languages, boolean textLine) {
        List<String> command = new ArrayList<>(List.of(executable, file.toString(), "stdout", "-l", traineddata(languages)));
        if (textLine) command.addAll(List.of("--psm", "7"));
        return command;
    }

    /** {@code en, ko} → {@code eng+kor}. */
    static String traineddata(List<String> languages) {
        List<String> names = new ArrayList<>();
        for (String l : languages) {
            String name = TRAINEDDATA.get(l);
            if (name == null) throw new IllegalArgumentException("no traineddata known for '" + l + "'");
            names.add(name);
        }
        return String.join("+", names);
    }

    @Override
    public String name() {
        return (version != null ? version : "tesseract") + " command line";
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("command", String.join(" ", command(executable, Path.of("PAGE"), List.of("en"), false)) + " (lines: -l kor --psm 7)");
        s.put("process", "one per page, timed from start to exit (load, decode, recognise)");
        s.put("OMP_THREAD_LIMIT", ompThreadLimit != null ? ompThreadLimit.toString() : "unset (OpenMP default: all cores)");
        if (installed != null) s.put("languages", installed);
        return s;
    }

    @Override
    public Set<String> languages() {
        return installed != null ? installed : Set.of();
    }

    @Override
    public String read(Path file, List<String> languages, boolean textLine) {
        List<String> command = command(executable, file, languages, textLine);
        try {
            return String.join("\n", run(command));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> run(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().remove("OMP_THREAD_LIMIT");
        if (ompThreadLimit != null) builder.environment().put("OMP_THREAD_LIMIT", ompThreadLimit.toString());
        Process process = builder.start();
        byte[] out;
        try (InputStream in = process.getInputStream()) {
            out = in.readAllBytes();
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " ran over " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ": "
                    + Files.readString(stderr, StandardCharsets.UTF_8).strip());
        }
        return new String(out, StandardCharsets.UTF_8).lines().toList();
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(stderr);
        } catch (IOException ignored) {
            // a temp file; the OS cleans it
        }
    }
}
