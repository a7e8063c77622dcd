package io.gureum.server;

import io.gureum.core.GureumHome;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Everything an operator can set, read from environment variables (flags of the CLI override them).
 * Defaults make a laptop start need no configuration at all.
 */
public record ServerConfig(
        GureumHome home,
        String bindHost,
        int port,
        String dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        String nodeId,
        int workerThreads,
        Duration operationLease,
        Duration retryBackoff,
        boolean allowPrivateWebhooks,
        Set<String> webhookAllowedHosts,
        long maxBodyBytes,
        String ffmpeg,
        Duration botSessionTtl,
        long maxDatasetBytes) {

    public static ServerConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static ServerConfig fromEnvironment(Map<String, String> env) {
        GureumHome home = GureumHome.fromEnvironment(env);
        return new ServerConfig(
                home,
                env.getOrDefault("GUREUM_BIND", "127.0.0.1"),
                Integer.parseInt(env.getOrDefault("GUREUM_PORT", "8080")),
                blankToNull(env.get("GUREUM_DB_URL")),
                blankToNull(env.get("GUREUM_DB_USER")),
                blankToNull(env.get("GUREUM_DB_PASSWORD")),
                Integer.parseInt(env.getOrDefault("GUREUM_DB_POOL", "16")),
                env.getOrDefault("GUREUM_NODE_ID", defaultNodeId()),
                Integer.parseInt(env.getOrDefault("GUREUM_WORKERS", "2")),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("GUREUM_OPERATION_LEASE_SECONDS", "30"))),
                Duration.ofMillis(Long.parseLong(env.getOrDefault("GUREUM_RETRY_BACKOFF_MILLIS", "1000"))),
                Boolean.parseBoolean(env.getOrDefault("GUREUM_WEBHOOK_ALLOW_PRIVATE", "false")),
                Set.of(env.getOrDefault("GUREUM_WEBHOOK_ALLOWED_HOSTS", "").split(",")).stream()
                        .filter(s -> !s.isBlank()).collect(java.util.stream.Collectors.toUnmodifiableSet()),
                // 100 MB: an hour of MP3 speech, or 50 minutes of 16 kHz WAV, for transcription operations
                Long.parseLong(env.getOrDefault("GUREUM_MAX_BODY_BYTES", String.valueOf(100L * 1024 * 1024))),
                // where ffmpeg is (compressed audio in and out): a path, "none" to go without, or unset to search PATH
                blankToNull(env.get("GUREUM_FFMPEG")),
                // how long a chatbot conversation lives after its last message (Dialogflow keeps sessions 20 min)
                Duration.ofMinutes(Long.parseLong(env.getOrDefault("GUREUM_BOT_SESSION_TTL_MINUTES", "30"))),
                // AutoML datasets are streamed to storage, so they may be far larger than other bodies
                Long.parseLong(env.getOrDefault("GUREUM_MAX_DATASET_BYTES", String.valueOf(2L * 1024 * 1024 * 1024))));
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(home, bindHost, newPort, dbUrl, dbUser, dbPassword, dbPoolSize, nodeId, workerThreads,
                operationLease, retryBackoff, allowPrivateWebhooks, webhookAllowedHosts, maxBodyBytes, ffmpeg, botSessionTtl, maxDatasetBytes);
    }

    /** The JDBC URL in use: the configured one, else the embedded H2 file under the home folder. */
    public String effectiveDbUrl() {
        return dbUrl != null ? dbUrl : io.gureum.platform.db.Database.h2FileUrl(home.database());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
