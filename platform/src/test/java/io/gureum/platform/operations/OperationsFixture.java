package io.gureum.platform.operations;

import io.gureum.platform.db.SqlTimes;
import io.gureum.platform.blobs.FileBlobStore;
import io.gureum.platform.db.Database;
import io.gureum.platform.db.TestDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** A fresh database with one project, a blob folder, and helpers the operation tests share. */
final class OperationsFixture implements AutoCloseable {
    final String url;
    final Database db;
    final java.nio.file.Path blobRoot;
    final FileBlobStore blobs;
    final Clock clock = Clock.systemUTC();
    final String projectId;
    final String webhookSecret = "whsec-" + UUID.randomUUID();
    final OperationService service;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    OperationsFixture(TestDatabases.Kind kind) {
        this.url = TestDatabases.freshUrl(kind);
        this.db = Database.open(url, null, null, 16);
        try {
            this.blobRoot = Files.createTempDirectory("gureum-blobs-");
            this.blobs = new FileBlobStore(blobRoot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.projectId = createProject("test");
        this.service = new OperationService(db, blobs, clock);
    }

    String createProject(String name) {
        String id = "prj_" + UUID.randomUUID().toString().substring(0, 8);
        db.jdbi().useHandle(h -> h.createUpdate(
                        "INSERT INTO projects (id, name, webhook_secret, created_at) VALUES (:id, :name, :secret, :now)")
                .bind("id", id).bind("name", name + "-" + id).bind("secret", webhookSecret)
                .bind("now", SqlTimes.at(Instant.now())).execute());
        return id;
    }

    /** Another connection pool on the same database, as a second node would have. */
    Database openAgain() {
        Database second = Database.open(url, null, null, 16);
        closeables.add(second);
        return second;
    }

    <T extends AutoCloseable> T closeLater(T c) {
        closeables.add(0, c);
        return c;
    }

    Operation submit(String kind, String input) {
        return service.submit(new NewOperation(projectId, kind, bytes(input), null, null)).operation();
    }

    Operation get(String id) {
        return service.find(projectId, id).orElseThrow();
    }

    String column(String id, String column) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT " + column + " FROM operations WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
    }

    /** Settings for tests: short lease, fast polling, tiny backoff. */
    static WorkerSettings settings(String node, int threads, Duration lease) {
        return new WorkerSettings(node, threads, lease, Duration.ofMillis(20), 3, Duration.ofMillis(50));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Polls until the condition holds; fails the test after {@code timeout}. */
    static void await(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for: " + what);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }

    void awaitStatus(String id, OperationStatus status, Duration timeout) {
        await(timeout, id + " to be " + status.wire() + " (is " + get(id).status().wire() + ")",
                () -> get(id).status() == status);
    }

    @Override
    public void close() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort in tests
            }
        }
        db.close();
    }
}
