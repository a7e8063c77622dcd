package io.gureum.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gureum.bench.HttpReport.Measurement;
import io.gureum.bench.HttpReport.Target;
import io.gureum.core.GureumHome;
import io.gureum.core.Problem;
import io.gureum.language.LanguageDetection;
import io.gureum.runtime.models.InstalledModel;
import io.gureum.runtime.models.ModelCatalog;
import io.gureum.runtime.models.ModelStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code gureum bench http}: requests/s and p50/p99 latency of an authenticated, rate-limited, quota-checked
 * and metered {@code POST /v1/language/detect} with a short text, beside a bare Javalin endpoint making the
 * same Lingua call ({@link BareLinguaServer}), both loaded by {@code wrk} over loopback.
 *
 * <p>Each server runs as its own child JVM with the same JVM options, one at a time (on a small machine two
 * servers, or a server and an idle one, would share the cores), started fresh for every round; rounds
 * alternate which target goes first. Per run: start, wait until ready, check that an answer is 200 with the
 * expected language, a warm-up wrk run, the measured wrk run (with the CPU time the server, wrk and everything
 * else used meanwhile), and for the platform a check that usage was metered; then the JVM is stopped. The table
 * shows the medians over rounds and the throughput ratio against the target (80%).
 */
@Command(name = "http", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Requests/s and p50/p99 latency of POST /v1/language/detect (authenticated, rate-limited, "
                + "quota-checked, metered) beside a bare Javalin + Lingua endpoint, each in its own JVM, loaded by wrk over "
                + "loopback; prints the medians and the throughput ratio against the target.",
                "Needs wrk (sudo apt-get install -y wrk) and the installed language models (./gureum models install)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:measured (PASS or BELOW)", "1:some requests failed (non-2xx or socket errors)",
                "2:could not measure (no wrk, no models, a server did not start, a wrong answer)"})
final class HttpBench implements Callable<Integer> {
    static final String DEFAULT_TEXT = "Das ist ein kurzer Satz auf Deutsch.";
    static final String DEFAULT_TEXT_LANGUAGE = "de";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    @Option(names = {"-c", "--connections"}, description = "wrk connections (default: ${DEFAULT-VALUE})")
    int connections = 64;
    @Option(names = {"-d", "--duration"}, converter = Seconds.class, description = "measured run per target and round, e.g. 20s, 1m (default: 20s)")
    int durationSeconds = 20;
    @Option(names = "--warm-up", converter = Seconds.class, description = "unmeasured wrk run before each measured one; the JIT needs about 30 s of load to settle (default: 30s)")
    int warmUpSeconds = 30;
    @Option(names = {"-r", "--rounds"}, description = "rounds; each runs both targets, alternating which goes first (default: ${DEFAULT-VALUE})")
    int rounds = 3;
    @Option(names = {"-t", "--threads"}, description = "wrk threads (default: ${DEFAULT-VALUE})")
    int threads = 2;
    @Option(names = "--text", description = "the document's text (default: \"" + DEFAULT_TEXT + "\")")
    String text = DEFAULT_TEXT;
    @Option(names = "--expect", description = "ISO 639-1 code both endpoints must answer first (default: de for the default text; else both must agree)")
    String expect;
    @Option(names = "--target", description = "platform/bare throughput ratio to pass, in percent (default: ${DEFAULT-VALUE})")
    double targetPercent = 80;
    @Option(names = "--no-quota", description = "diagnostic: the platform key has no monthly quota (no quota check per call)")
    boolean noQuota;
    @Option(names = "--no-rate-limit", description = "diagnostic: the platform key has no rate limit")
    boolean noRateLimit;
    @Option(names = "--jvm-opts", description = "options of both server JVMs (default: this JVM's -X options, i.e. $GUREUM_JAVA_OPTS under ./gureum, with -Xmx3g when they set no heap)")
    String jvmOpts;
    @Option(names = "--platform-env", paramLabel = "NAME=VALUE", description = "extra environment of the platform JVM, e.g. GUREUM_DB_POOL=32; a GUREUM_DB_URL must name an empty database (each run bootstraps the admin key)")
    Map<String, String> platformEnv = new LinkedHashMap<>();
    @Option(names = "--server-jar", description = "default: server/target/gureum-server.jar beside this bench's module")
    Path serverJar;
    @Option(names = "--models-dir", description = "installed models (default: $GUREUM_MODELS_DIR, else $GUREUM_HOME/models, else ~/.gureum/models)")
    Path modelsDir;
    @Option(names = "--wrk", description = "the wrk executable (default: ${DEFAULT-VALUE} on the PATH)")
    String wrkExecutable = "wrk";
    @Option(names = "--json", paramLabel = "FILE", description = "also write the results as JSON to FILE")
    Path jsonFile;
    @Option(names = "--jfr", paramLabel = "DIR", description = "profile both servers with JFR (settings=profile, from their start) and save each measured run into DIR")
    Path jfrDir;
    @Option(names = "--keep", description = "keep the temporary folder (server homes, logs, Lua scripts)")
    boolean keep;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Target, String> answers = new EnumMap<>(Target.class);
    private Path work;

    @Override
    public Integer call() throws Exception {
        validateOptions();
        Wrk wrk = Wrk.find(wrkExecutable);
        Path jar = serverJar != null ? serverJar : defaultServerJar();
        if (!Files.isRegularFile(jar)) throw new BenchException("no server jar at " + jar + "; build first (./gureum bench builds it)");
        Path models = checkModels(modelsDir != null ? modelsDir.toAbsolutePath() : GureumHome.fromEnvironment().models());
        List<String> jvm = new ArrayList<>(jvmOptions());
        if (jfrDir != null) jvm.add("-XX:StartFlightRecording=name=events-on,settings=profile,maxage=30s");
        String expected = expect != null ? expect : text.equals(DEFAULT_TEXT) ? DEFAULT_TEXT_LANGUAGE : null;
        if (jfrDir != null) Files.createDirectories(jfrDir);

        Map<String, Object> setup = MachineCpu.describe();
        setup.put("wrk", wrk.version());
        setup.put("serverJvmOptions", String.join(" ", jvm));
        setup.put("models", models.toString());
        setup.put("text", text);
        setup.put("connections", connections);
        setup.put("wrkThreads", threads);
        setup.put("durationSeconds", durationSeconds);
        setup.put("warmUpSeconds", warmUpSeconds);
        setup.put("rounds", rounds);
        setup.put("platformKey", (noRateLimit ? "no rate limit" : "rate limit") + ", " + (noQuota ? "no quota" : "quota"));

        System.out.println("gureum bench http: POST /v1/language/detect beside bare Javalin + Lingua, wrk over loopback");
        System.out.printf(Locale.ROOT, "  machine: %s cores (%s), %s memory, %s%n", setup.get("cores"), setup.get("cpu"), setup.get("memory"), setup.get("os"));
        System.out.printf(Locale.ROOT, "  java:    %s (servers: %s, one JVM at a time, fresh per run)%n", setup.get("java"), setup.get("serverJvmOptions"));
        System.out.printf(Locale.ROOT, "  wrk:     %s, -t%d -c%d, %ds warm-up + %ds measured per run, %d rounds%n",
                setup.get("wrk"), threads, connections, warmUpSeconds, durationSeconds, rounds);
        System.out.printf(Locale.ROOT, "  text:    \"%s\" (%d characters), expected language: %s%n", text,
                text.codePointCount(0, text.length()), expected == null ? "whatever both agree on" : expected);
        System.out.printf(Locale.ROOT, "  models:  %s%n%n", models);

        work = Files.createTempDirectory("gureum-bench-");
        List<Measurement> measurements = new ArrayList<>();
        try {
            for (int round = 1; round <= rounds; round++) {
                List<Target> order = round % 2 == 1 ? List.of(Target.PLATFORM, Target.BARE) : List.of(Target.BARE, Target.PLATFORM);
                for (Target target : order) {
                    Measurement m = target == Target.PLATFORM ? measurePlatform(round, wrk, jar, models, jvm, expected)
                            : measureBare(round, wrk, jvm, expected);
                    measurements.add(m);
                    System.out.println(HttpReport.roundLine(m));
                }
            }
        } finally {
            if (keep) System.out.println("  kept " + work);
            else deleteTree(work);
        }
        if (answers.size() == 2 && !answers.get(Target.PLATFORM).equals(answers.get(Target.BARE))) {
            throw new BenchException("the endpoints disagree on the language of the text: gureum says " + answers.get(Target.PLATFORM)
                    + ", bare Lingua says " + answers.get(Target.BARE));
        }

        HttpReport report = new HttpReport(measurements, targetPercent / 100, platformLabel());
        System.out.println();
        System.out.print(report.table());
        if (jfrDir != null) {
            System.out.println("  JFR recordings: " + jfrDir.toAbsolutePath() + " (profiling slows both servers, the bare one more:"
                    + " compare profiles, not these numbers)");
        }
        if (jsonFile != null) {
            Path parent = jsonFile.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            json.enable(SerializationFeature.INDENT_OUTPUT).writeValue(jsonFile.toFile(), report.toMap(setup));
            System.out.println("  results written to " + jsonFile);
        }
        return report.hadErrors() ? 1 : 0;
    }

    // ---------------------------------------------------------------- the two targets

    private Measurement measurePlatform(int round, Wrk wrk, Path jar, Path models, List<String> jvm, String expected) throws IOException {
        Path dir = runDir(Target.PLATFORM, round);
        Path home = Files.createDirectories(dir.resolve("home"));
        int port = ChildJvm.freePort();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GUREUM_HOME", home.toString());
        env.put("GUREUM_MODELS_DIR", models.toString());
        env.put("GUREUM_BIND", "127.0.0.1");
        env.put("GUREUM_PORT", String.valueOf(port));
        env.putAll(platformEnv);
        List<String> args = List.of("-jar", jar.toString(), "serve", "--port", String.valueOf(port));
        String base = "http://127.0.0.1:" + port;
        try (ChildJvm server = ChildJvm.start("the Gureum server", jvm, args, env, dir.resolve("server.log"))) {
            server.awaitOk(http, base + "/readyz", START_TIMEOUT);
            String secret = createBenchKey(base, readAdminKey(home, server));
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("Authorization", "Bearer " + secret);
            String url = base + "/v1/language/detect";
            verify(Target.PLATFORM, url, headers, expected, server);
            Measured measured = load(Target.PLATFORM, round, wrk, url, headers, server);
            long metered = meteredCalls(base, secret, measured);
            return new Measurement(Target.PLATFORM, round, measured.run.result(), measured.warmUp.result().requests(), metered,
                    measured.cpuNanos, measured.seconds, measured.otherCpuNanos);
        }
    }

    private Measurement measureBare(int round, Wrk wrk, List<String> jvm, String expected) throws IOException {
        Path dir = runDir(Target.BARE, round);
        int port = ChildJvm.freePort();
        List<String> args = List.of("-cp", benchJar().toString(), BareLinguaServer.class.getName(), "--port", String.valueOf(port));
        String base = "http://127.0.0.1:" + port;
        try (ChildJvm server = ChildJvm.start("the bare Javalin + Lingua server", jvm, args, Map.of(), dir.resolve("server.log"))) {
            server.awaitOk(http, base + "/ready", START_TIMEOUT);
            Map<String, String> headers = Map.of("Content-Type", "application/json");
            String url = base + "/detect";
            verify(Target.BARE, url, headers, expected, server);
            Measured measured = load(Target.BARE, round, wrk, url, headers, server);
            return new Measurement(Target.BARE, round, measured.run.result(), measured.warmUp.result().requests(), -1,
                    measured.cpuNanos, measured.seconds, measured.otherCpuNanos);
        }
    }

    /** The temporary folder of one run: the server's log (and home), the Lua script. */
    private Path runDir(Target target, int round) throws IOException {
        return Files.createDirectories(work.resolve(target.shortName + "-" + round));
    }

    private record Measured(Wrk.Run warmUp, Wrk.Run run, long cpuNanos, double seconds, long otherCpuNanos) {}

    /** The warm-up run, then the measured one (with a JFR recording around it when asked). */
    private Measured load(Target target, int round, Wrk wrk, String url, Map<String, String> headers, ChildJvm server) throws IOException {
        Path script = Wrk.script(runDir(target, round).resolve("detect.lua"), body(), headers);
        Wrk.Run warmUp = warmUpSeconds > 0 ? wrk.run(url, script, threads, connections, warmUpSeconds) : null;
        if (warmUp != null && !warmUp.result().clean()) {
            System.out.printf(Locale.ROOT, "  warning: the warm-up of %s had %d non-2xx responses and %d socket errors%n",
                    target.shortName, warmUp.result().non2xx(), warmUp.result().socketErrors());
        }
        // JFR runs with these settings from the JVM's start (enabling it later deoptimizes code: a second warm-up);
        // a second recording with the same settings changes nothing and holds exactly the measured run
        if (jfrDir != null) jcmd(server, "JFR.start", "name=measured", "settings=profile");
        long cpuBefore = server.cpuNanos();
        long machineBefore = MachineCpu.busyNanos();
        long start = System.nanoTime();
        Wrk.Run run = wrk.run(url, script, threads, connections, durationSeconds);
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpuAfter = server.cpuNanos();
        long machineAfter = MachineCpu.busyNanos();
        if (jfrDir != null) {
            Path jfr = jfrDir.toAbsolutePath().resolve(target.shortName + "-round" + round + ".jfr");
            jcmd(server, "JFR.stop", "name=measured", "filename=" + jfr);
        }
        if (warmUp == null) warmUp = new Wrk.Run(List.of(), "", new WrkResult(0, 0, 0, 0, 0, 0), -1);
        long serverCpu = cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore;
        long others = serverCpu < 0 || machineBefore < 0 || machineAfter < 0 || run.cpuNanos() < 0 ? -1
                : Math.max(0, machineAfter - machineBefore - serverCpu - run.cpuNanos()); // tick vs exact accounting: clamp
        return new Measured(warmUp, run, serverCpu, seconds, others);
    }

    // ---------------------------------------------------------------- checks and setup

    private String body() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", "1");
        document.put("text", text);
        try {
            return json.writeValueAsString(Map.of("documents", List.of(document)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One request as wrk will send it: must be 200 with the expected language first (a benchmark of errors is worthless). */
    private void verify(Target target, String url, Map<String, String> headers, String expected, ChildJvm server) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body(), StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() != 200) {
            throw new BenchException(target.shortName + " answered " + response.statusCode() + " instead of 200: " + response.body()
                    + "\nServer log (" + server.log() + "):\n" + server.logTail(20));
        }
        String language = readTree(response.body()).path("documents").path(0).path("languages").path(0).path("iso6391").asText(null);
        if (language == null || (expected != null && !expected.equals(language))) {
            throw new BenchException(target.shortName + " answered 200 but not the expected language " + (expected == null ? "" : expected)
                    + ": " + response.body());
        }
        if (target == Target.PLATFORM && !noRateLimit && response.headers().firstValue("RateLimit-Limit").isEmpty()) {
            throw new BenchException("the platform's answer has no RateLimit-Limit header: the bench key is not rate-limited");
        }
        answers.put(target, language);
    }

    private static String readAdminKey(Path home, ChildJvm server) throws IOException {
        Path file = home.resolve("admin.key");
        if (!Files.isRegularFile(file)) {
            throw new BenchException("the server is ready but wrote no " + file + ". Its log:\n" + server.logTail(20));
        }
        return Files.readString(file).trim();
    }

    /** A project and a language key with a rate limit and a monthly quota that the run cannot reach, so both are checked on every call. */
    private String createBenchKey(String base, String adminKey) {
        JsonNode project = postJson(base + "/v1/projects", adminKey, Map.of("name", "bench"), 201);
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("name", "bench");
        key.put("scopes", List.of("language"));
        if (!noRateLimit) key.put("rateLimit", Map.of("requestsPerSecond", 1_000_000, "burst", 1_000_000));
        if (!noQuota) key.put("quotas", Map.of("language", 1_000_000_000_000L));
        JsonNode created = postJson(base + "/v1/projects/" + project.path("id").asText() + "/keys", adminKey, key, 201);
        String secret = created.path("secret").asText(null);
        if (secret == null) throw new BenchException("creating the bench key returned no secret: " + created);
        return secret;
    }

    /** The calls the platform metered for the bench key (GET /v1/usage), after its usage writer flushed. */
    private long meteredCalls(String base, String secret, Measured measured) {
        long sent = measured.warmUp.result().requests() + measured.run.result().requests() + 1;
        long requests = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/v1/usage?groupBy=service"))
                    .header("Authorization", "Bearer " + secret).timeout(Duration.ofSeconds(30)).GET().build());
            if (r.statusCode() != 200) throw new BenchException("GET /v1/usage answered " + r.statusCode() + ": " + r.body());
            requests = 0;
            for (JsonNode row : readTree(r.body()).path("rows")) {
                if ("language".equals(row.path("service").asText())) requests += row.path("requests").asLong();
            }
            if (requests >= sent) return requests;
            ChildJvm.sleep(300);
        }
        throw new BenchException("the platform metered " + requests + " language calls, but wrk completed " + sent
                + " (warm-up, measured run and the check): metering lost calls");
    }

    private JsonNode postJson(String url, String bearer, Object body, int expectedStatus) {
        try {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
            if (r.statusCode() != expectedStatus) {
                throw new BenchException("POST " + url + " answered " + r.statusCode() + " instead of " + expectedStatus + ": " + r.body());
            }
            return readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BenchException(request.method() + " " + request.uri() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }

    private JsonNode readTree(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new BenchException("not JSON: " + body);
        }
    }

    private static Path checkModels(Path models) {
        try {
            InstalledModel installed = new ModelStore(models, ModelCatalog.builtIn()).resolve(LanguageDetection.TASK, Optional.empty());
            if (!installed.card().id().equals("lingua")) {
                throw new BenchException("the default language detection model in " + models + " is " + installed.card().id()
                        + ", not lingua; the bare endpoint runs Lingua, so the comparison would be unfair");
            }
            return models;
        } catch (Problem p) {
            throw new BenchException("no language detection model in " + models + ": " + p.getMessage());
        }
    }

    private void jcmd(ChildJvm server, String... command) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(server.pid())));
        cmd.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new BenchException(String.join(" ", cmd) + " failed:\n" + out);
        } catch (IOException e) {
            throw new BenchException("cannot run jcmd for --jfr: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }

    // ---------------------------------------------------------------- options and machine facts

    private void validateOptions() {
        if (connections < 1) throw new BenchException("--connections must be at least 1");
        if (threads < 1 || threads > connections) throw new BenchException("--threads must be between 1 and --connections");
        if (durationSeconds < 1) throw new BenchException("--duration must be at least 1s");
        if (warmUpSeconds < 0) throw new BenchException("--warm-up must not be negative");
        if (rounds < 1) throw new BenchException("--rounds must be at least 1");
        if (text.isBlank()) throw new BenchException("--text must not be blank");
    }

    /** The platform row's name: what the bench key makes the platform do on every call. */
    private String platformLabel() {
        if (!noQuota && !noRateLimit) return HttpReport.PLATFORM_LABEL;
        List<String> parts = new ArrayList<>(List.of("auth"));
        if (!noRateLimit) parts.add("rate limit");
        if (!noQuota) parts.add("quota");
        parts.add("metering");
        return "gureum /v1/language/detect (" + String.join("+", parts) + "; diagnostic)";
    }

    /**
     * {@code --jvm-opts}, else this JVM's {@code -X}/{@code -XX} options (the launcher passes $GUREUM_JAVA_OPTS, the
     * options {@code ./gureum serve} runs with), else -Xmx3g; with no -Xmx among them, -Xmx3g is added.
     */
    private List<String> jvmOptions() {
        List<String> options = jvmOpts != null
                ? Stream.of(jvmOpts.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList()
                : ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-X")).toList();
        if (options.stream().anyMatch(a -> a.startsWith("-Xmx"))) return options;
        List<String> withHeap = new ArrayList<>(options);
        withHeap.add(0, "-Xmx3g");
        return withHeap;
    }

    /** This bench's jar (bench/target/gureum-bench.jar), which also holds {@link BareLinguaServer}. */
    static Path benchJar() {
        try {
            return Path.of(HttpBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** bench/target/gureum-bench.jar → server/target/gureum-server.jar (also from bench/target/classes in an IDE). */
    static Path defaultServerJar() {
        Path benchModule = benchJar().toAbsolutePath().getParent().getParent();
        return benchModule.resolveSibling("server").resolve("target").resolve("gureum-server.jar");
    }

    /** Deletes a bench server's scratch home, best effort. */
    static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a file a stopping server still writes; the OS cleans /tmp
                }
            });
        } catch (IOException ignored) {
            // nothing left to delete
        }
    }

    /** {@code 20}, {@code 20s}, {@code 2m} → seconds. */
    static final class Seconds implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.matches("\\d+s?")) return Integer.parseInt(v.replace("s", ""));
            if (v.matches("\\d+m")) return Integer.parseInt(v.substring(0, v.length() - 1)) * 60;
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration like 20s or 1m");
        }
    }
}
