package io.gureum.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Gureum server for {@code bench speech}'s HTTP side: {@code server/target/gureum-server.jar serve} in a child JVM
 * with a fresh home (its own H2 database and admin key), a project and a key with the {@code text-to-speech} scope,
 * and a timed {@code POST /v1/speech/synthesize} that reads the streamed WAV as a client plays it.
 */
final class SpeechServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final ChildJvm jvm;
    private final String base;
    private final String secret;
    private final ObjectMapper json = new ObjectMapper();
    // HTTP/1.1 as browsers and SDKs talk to a plain-http server; one client, so measured calls reuse a warm connection
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private SpeechServer(ChildJvm jvm, String base, Path home) {
        this.jvm = jvm;
        this.base = base;
        try {
            jvm.awaitOk(http, base + "/readyz", START_TIMEOUT);
            Path adminKey = home.resolve("admin.key");
            if (!Files.isRegularFile(adminKey)) throw new BenchException("the server is ready but wrote no " + adminKey + ". Its log:\n" + jvm.logTail(20));
            this.secret = createKey(Files.readString(adminKey).strip());
        } catch (IOException | RuntimeException e) {
            jvm.close();
            if (e instanceof RuntimeException r) throw r;
            throw new BenchException("cannot read the server's admin key: " + e.getMessage());
        }
    }

    /** Starts the server and waits until it is ready, with its home and log under {@code dir}. */
    static SpeechServer start(Path jar, Path models, List<String> jvmOptions, Path dir) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        int port = ChildJvm.freePort();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GUREUM_HOME", home.toString());
        env.put("GUREUM_MODELS_DIR", models.toString());
        env.put("GUREUM_BIND", "127.0.0.1");
        env.put("GUREUM_PORT", String.valueOf(port));
        ChildJvm jvm = ChildJvm.start("the Gureum server", jvmOptions,
                List.of("-jar", jar.toString(), "serve", "--port", String.valueOf(port)), env, dir.resolve("server.log"));
        return new SpeechServer(jvm, "http://127.0.0.1:" + port, home);
    }

    /** A project and a key that may call text-to-speech, with no rate limit or quota of its own. */
    private String createKey(String adminKey) {
        JsonNode project = post("/v1/projects", adminKey, Map.of("name", "bench-speech"), 201);
        JsonNode key = post("/v1/projects/" + project.path("id").asText() + "/keys", adminKey,
                Map.of("name", "bench-speech", "scopes", List.of("text-to-speech")), 201);
        String s = key.path("secret").asText(null);
        if (s == null) throw new BenchException("creating the bench key returned no secret: " + key);
        return s;
    }

    /**
     * {@code POST /v1/speech/synthesize {"text", "voice", "format": "wav"}}, timed from sending the request: first audio
     * byte, first 4 KiB and end of the body, and the audio's length.
     */
    SpeechWav.Timed synthesize(String text, String voice) throws IOException {
        Map<String, Object> body = Map.of("text", text, "voice", voice, "format", "wav");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/speech/synthesize")).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + secret)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        long start = System.nanoTime();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new BenchException("POST /v1/speech/synthesize answered " + response.statusCode() + ": "
                        + new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            return SpeechWav.read(in, start);
        }
    }

    private JsonNode post(String path, String bearer, Object body, int expected) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) throw new BenchException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
            return json.readTree(r.body());
        } catch (IOException e) {
            throw new BenchException("POST " + path + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }

    /** CPU time the server's JVM has used so far, or -1 where the OS does not say. */
    long cpuNanos() {
        return jvm.cpuNanos();
    }

    String logTail(int lines) {
        return jvm.logTail(lines);
    }

    @Override
    public void close() {
        jvm.close();
    }
}
