package io.gureum.server;

import io.gureum.core.GureumHome;
import io.gureum.runtime.models.InstallProgress;
import io.gureum.runtime.models.ModelInstaller;
import io.gureum.server.http.GureumHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A whole Gureum node in the test JVM on a free loopback port, with a throw-away home folder and the
 * shared installed models (installed here when missing, as `./gureum test` does beforehand).
 */
public final class TestServer implements AutoCloseable {
    private final Gureum gureum;
    private final GureumHttp http;
    private final String adminKey;
    public final ApiClient api;
    public final Path home;

    private TestServer(Map<String, String> env) {
        ServerConfig config = ServerConfig.fromEnvironment(env).withPort(0);
        this.home = config.home().root();
        this.gureum = new Gureum(config);
        new ModelInstaller(gureum.models(), InstallProgress.silent()).install(Main.defaultPacks(gureum.models().catalog()));
        this.adminKey = AdminBootstrap.ensureAdminKey(gureum.projects(), gureum.keys(), config.home().adminKeyFile()).orElse(null); // null on a restart: the key was printed the first time
        this.http = new GureumHttp(gureum).start("127.0.0.1", 0);
        gureum.startWorkers();
        this.api = new ApiClient("http://127.0.0.1:" + http.port());
    }

    /** A node on a new database: H2 in its home folder, or PostgreSQL when {@code dbUrl} is given. */
    public static TestServer start(String dbUrl, Map<String, String> extraEnv) {
        try {
            Path home = Files.createTempDirectory("gureum-test-home-");
            Map<String, String> env = new HashMap<>(baseEnvironment(home));
            if (dbUrl != null) env.put("GUREUM_DB_URL", dbUrl);
            env.putAll(extraEnv);
            return new TestServer(env);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A node restarted on an existing home (and its H2 database, or the given PostgreSQL). */
    public static TestServer restart(Path home, String dbUrl) {
        Map<String, String> env = new HashMap<>(baseEnvironment(home));
        if (dbUrl != null) env.put("GUREUM_DB_URL", dbUrl);
        return new TestServer(env);
    }

    /** The environment every test node gets: its own home, the shared models, quick retries, webhooks to 127.0.0.1. */
    public static Map<String, String> baseEnvironment(Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("GUREUM_HOME", home.toString());
        env.put("GUREUM_MODELS_DIR", GureumHome.fromEnvironment().models().toString());
        env.put("GUREUM_RETRY_BACKOFF_MILLIS", "200");
        env.put("GUREUM_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1"); // the tests' own receivers; other private addresses stay refused
        return env;
    }

    public Gureum gureum() { return gureum; }

    public String adminKey() { return adminKey; }

    public int port() { return http.port(); }

    @Override
    public void close() {
        http.close();
        gureum.close();
    }
}
