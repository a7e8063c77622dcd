package io.gureum.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The TensorFlow.js peer: {@code node bench/node/tfjs-bench.mjs} in a child process, timing the installed packs'
 * original tfjs graphs on tfjs's pure-JS CPU backend (what {@code @tensorflow/tfjs} runs in Node without the native
 * tfjs-node binding). Node and {@code bench/node/node_modules} (installed by {@code ./gureum bench vision} with
 * {@code npm ci}) are looked for first; when either is missing the peer is skipped with the reason.
 */
final class TfjsPeer {
    /** A model for the script: its id, tfjs {@code model.json} and input shape (fed to its one input). */
    record Spec(String id, Path file, long[] shape) {}

    /**
     * What the script said: per model id its timing or error; {@code skipped} the reason nothing ran (else null).
     */
    record Outcome(String tfjsVersion, String backend, String nodeVersion, Map<String, ModelSpeed.Timing> timings,
                   Map<String, String> errors, String skipped) {
        static Outcome skipped(String reason) {
            return new Outcome(null, null, null, Map.of(), Map.of(), reason);
        }
    }

    private static final long TIMEOUT_MINUTES = 15;
    private final ObjectMapper json = new ObjectMapper();
    private final String node;
    private final Path dir;

    /**
     * @param node the node executable (a name on the PATH or a path)
     * @param dir  the folder with {@code tfjs-bench.mjs}, {@code package.json} and (after npm ci) {@code node_modules}
     */
    TfjsPeer(String node, Path dir) {
        this.node = node;
        this.dir = dir;
    }

    /** Why the peer cannot run here, or null when it can. */
    String unavailable() {
        if (!Files.isRegularFile(dir.resolve("tfjs-bench.mjs"))) return "no tfjs-bench.mjs in " + dir;
        try {
            Process p = new ProcessBuilder(node, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) return "'" + node + " --version' failed";
        } catch (IOException e) {
            return "Node.js not found ('" + node + "'): install it (e.g. sudo apt-get install -y nodejs npm) to time the tfjs peer";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        if (!Files.isDirectory(dir.resolve("node_modules").resolve("@tensorflow").resolve("tfjs"))) {
            return "@tensorflow/tfjs is not installed in " + dir.resolve("node_modules")
                    + " (./gureum bench vision runs npm ci there; by hand: cd " + dir + " && npm ci --no-audit --no-fund --ignore-scripts)";
        }
        return null;
    }

    /**
     * Runs the script on {@code specs}: per model {@code warmUp} runs, then up to {@code runs}, at most {@code maxSeconds}
     * each. Ask {@link #unavailable()} first.
     */
    Outcome run(List<Spec> specs, int warmUp, int runs, double maxSeconds) throws IOException {
        Path work = Files.createTempDirectory("gureum-bench-tfjs-");
        try {
            Path specFile = work.resolve("spec.json");
            List<Map<String, Object>> models = new ArrayList<>();
            for (Spec s : specs) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", s.id());
                m.put("file", s.file().toAbsolutePath().toString());
                m.put("shape", s.shape());
                models.add(m);
            }
            json.writeValue(specFile.toFile(), Map.of("warmUp", warmUp, "runs", runs, "maxSeconds", maxSeconds, "models", models));
            Path out = work.resolve("stdout");
            Path err = work.resolve("stderr");
            Process p = new ProcessBuilder(node, "tfjs-bench.mjs", specFile.toString()).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try {
                if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    return Outcome.skipped("tfjs-bench.mjs did not finish within " + TIMEOUT_MINUTES + " minutes");
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new BenchException("interrupted while the tfjs peer ran");
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8).trim();
            if (p.exitValue() != 0 || stdout.isEmpty()) {
                return Outcome.skipped("tfjs-bench.mjs exited with status " + p.exitValue() + ": " + tail(err));
            }
            return parse(stdout.substring(stdout.lastIndexOf('\n') + 1));
        } finally {
            try (var files = Files.list(work)) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(work);
        }
    }

    /** The script's one line of JSON. */
    Outcome parse(String line) throws IOException {
        JsonNode root = json.readTree(line);
        Map<String, ModelSpeed.Timing> timings = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (JsonNode m : root.path("models")) {
            String id = m.path("id").asText();
            if (m.has("error")) errors.put(id, m.path("error").asText());
            else timings.put(id, new ModelSpeed.Timing(m.path("runs").asInt(), m.path("p50Ms").asDouble(),
                    m.path("p90Ms").asDouble(), m.path("meanMs").asDouble()));
        }
        return new Outcome(root.path("tfjs").asText(null), root.path("backend").asText(null), root.path("node").asText(null),
                timings, errors, null);
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
