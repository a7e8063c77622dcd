package io.gureum.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Gureum node as a real child process ({@code gureum serve}), so tests can SIGKILL it and start it again.
 * It runs from the test class path; its output goes to {@code <home>/server-<n>.log}.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    final int port;
    final Path home;
    final ApiClient api;

    private ServerProcess(Process process, Path log, int port, Path home) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.home = home;
        this.api = new ApiClient("http://127.0.0.1:" + port);
    }

    static ServerProcess start(Path home, Map<String, String> env) {
        try {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx3g",
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", String.valueOf(port)));
            Files.createDirectories(home);
            Path log = Files.createTempFile(home, "server-", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(TestServer.baseEnvironment(home));
            pb.environment().putAll(env);
            ServerProcess server = new ServerProcess(pb.start(), log, port, home);
            server.awaitHealthy(Duration.ofSeconds(90));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) throw new AssertionError("server exited early:\n" + logText());
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (IOException ignored) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            ApiBehaviourTest.sleep(200);
        }
        throw new AssertionError("server not healthy in " + timeout + ":\n" + logText());
    }

    String adminKey() {
        try {
            return Files.readString(home.resolve("admin.key")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no flush, exactly like a crash or an OOM kill. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the server's output, for failure messages. */
    String logTail() {
        String text = logText();
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

}
