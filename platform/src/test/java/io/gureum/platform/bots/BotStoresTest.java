package io.gureum.platform.bots;

import io.gureum.core.Problem;
import io.gureum.platform.blobs.FileBlobStore;
import io.gureum.platform.db.Database;
import io.gureum.platform.db.TestDatabases;
import io.gureum.platform.projects.ProjectStore;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BotStoresTest {
    @TempDir
    Path blobDir;

    /** A clock the test moves, to expire sessions. */
    private static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-26T12:00:00Z"));

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    }

    private static byte[] json(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    private static void assertProblem(ThrowingCallable call, int status, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Problem.class, e -> {
            assertThat(e.status()).as(e.detail()).isEqualTo(status);
            assertThat(e.code()).as(e.detail()).isEqualTo(code);
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void draftsVersionsAndPublishing(TestDatabases.Kind kind) {
        MovableClock clock = new MovableClock();
        FileBlobStore blobs = new FileBlobStore(blobDir);
        try (Database db = TestDatabases.open(kind)) {
            String p = new ProjectStore(db, clock).create("acme").id();
            String other = new ProjectStore(db, clock).create("other").id();
            BotStore store = new BotStore(db, blobs, clock);

            StoredBot bot = store.create(p, "Pizza", "en-US", json("{\"v\":1}"));
            assertThat(bot.draftRevision()).isEqualTo(1);
            assertThat(bot.publishedVersion()).isNull();
            assertThat(new String(store.draft(bot), StandardCharsets.UTF_8)).isEqualTo("{\"v\":1}");
            assertThat(store.list(p)).extracting(StoredBot::botId).containsExactly(bot.botId());
            assertThat(store.list(other)).isEmpty();
            assertProblem(() -> store.get(other, bot.botId()), 404, "not_found");

            StoredBot edited = store.replaceDraft(p, bot.botId(), "Pizza 2", "en-US", json("{\"v\":2}"), 1);
            assertThat(edited.draftRevision()).isEqualTo(2);
            assertThat(blobs.get(bot.draftKey())).as("the old draft's blob is gone").isEmpty();
            assertProblem(() -> store.replaceDraft(p, bot.botId(), "x", "en-US", json("{}"), 1), 409, "revision_mismatch");
            assertThat(new String(store.draft(store.get(p, bot.botId())), StandardCharsets.UTF_8)).isEqualTo("{\"v\":2}");

            int v1 = store.reserveVersion(p, bot.botId());
            int v2 = store.reserveVersion(p, bot.botId());
            assertThat(v1).isEqualTo(1);
            assertThat(v2).isEqualTo(2);
            BotVersion first = store.addVersion(p, bot.botId(), v1, json("{\"v\":2}"), new byte[] {1, 2, 3}, "{\"phrases\":10}", true);
            assertThat(store.addVersion(p, bot.botId(), v1, json("{}"), new byte[] {9}, "{}", true)).as("repeatable").isEqualTo(first);
            assertThat(store.get(p, bot.botId()).publishedVersion()).isEqualTo(1);
            store.addVersion(p, bot.botId(), v2, json("{\"v\":3}"), new byte[] {4}, "{}", false);
            assertThat(store.get(p, bot.botId()).publishedVersion()).as("trained unpublished").isEqualTo(1);
            assertThat(store.publish(p, bot.botId(), 2).publishedVersion()).isEqualTo(2);
            assertThat(store.model(store.version(p, bot.botId(), 1))).containsExactly(1, 2, 3);
            assertThat(store.versions(p, bot.botId())).extracting(BotVersion::version).containsExactly(1, 2);
            assertProblem(() -> store.publish(p, bot.botId(), 7), 404, "not_found");
            assertProblem(() -> store.version(p, bot.botId(), 7), 404, "not_found");

            store.delete(p, bot.botId());
            assertProblem(() -> store.get(p, bot.botId()), 404, "not_found");
            assertThat(blobs.get(first.modelKey())).isEmpty();
            assertProblem(() -> store.delete(p, bot.botId()), 404, "not_found");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void sessionsSaveOptimisticallyExpireAndAreSwept(TestDatabases.Kind kind) {
        MovableClock clock = new MovableClock();
        try (Database db = TestDatabases.open(kind)) {
            String p = new ProjectStore(db, clock).create("acme").id();
            BotStore bots = new BotStore(db, new FileBlobStore(blobDir), clock);
            String b = bots.create(p, "Pizza", "en-US", json("{}")).botId();
            BotSessionStore sessions = new BotSessionStore(db, clock);
            Duration ttl = Duration.ofMinutes(30);

            assertThat(sessions.find(p, b, "s1")).isEmpty();
            StoredSession s = sessions.save(p, b, "s1", 1, "{\"a\":1}", -1, ttl);
            assertThat(s.turns()).isEqualTo(1);
            assertThat(s.expiresAt()).isEqualTo(clock.instant().plus(ttl));
            assertProblem(() -> sessions.save(p, b, "s1", 1, "{}", -1, ttl), 409, "session_busy");
            StoredSession second = sessions.save(p, b, "s1", 1, "{\"a\":2}", 1, ttl);
            assertThat(second.turns()).isEqualTo(2);
            assertThat(second.state()).isEqualTo("{\"a\":2}");
            assertProblem(() -> sessions.save(p, b, "s1", 1, "{\"stale\":1}", 1, ttl), 409, "session_busy");
            assertThat(sessions.find(p, b, "s1").orElseThrow().state()).isEqualTo("{\"a\":2}");

            sessions.save(p, b, "s2", 1, "{}", -1, ttl);
            clock.now.set(clock.instant().plus(Duration.ofMinutes(31)));
            assertThat(sessions.find(p, b, "s1").orElseThrow().expired(clock.instant())).isTrue();
            assertProblem(() -> sessions.delete(p, b, "s1"), 404, "not_found");
            assertThat(sessions.deleteExpired(1)).isEqualTo(1);
            assertThat(sessions.deleteExpired(100)).isEqualTo(1);
            assertThat(sessions.find(p, b, "s1")).isEmpty();

            sessions.save(p, b, "s3", 1, "{}", -1, ttl);
            sessions.delete(p, b, "s3");
            assertThat(sessions.find(p, b, "s3")).isEmpty();
            assertProblem(() -> BotSessionStore.checkSessionId("has space"), 422, "validation_failed");
        }
    }
}
