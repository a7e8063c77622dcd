package io.gureum.platform.operations;

import io.gureum.platform.db.SqlTimes;
import io.gureum.core.Problem;
import io.gureum.platform.db.TestDatabases;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.gureum.platform.operations.OperationsFixture.await;
import static io.gureum.platform.operations.OperationsFixture.bytes;
import static io.gureum.platform.operations.OperationsFixture.settings;
import static io.gureum.platform.operations.OperationsFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(90)
class OperationWorkersTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static OperationWorkers workers(OperationsFixture f, String node, Duration lease, OperationHandler... handlers) {
        OperationWorkers w = f.closeLater(new OperationWorkers(f.db, f.blobs, List.of(handlers), settings(node, 2, lease), null, f.clock));
        w.start();
        return w;
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void runsAnOperationToItsResult(TestDatabases.Kind kind) {
        try (OperationsFixture f = new OperationsFixture(kind)) {
            TestHandler echo = new TestHandler("echo", ctx -> bytes("{\"echo\":\"" + text(ctx.input()) + "\",\"attempt\":" + ctx.attempt() + "}"));
            workers(f, "node-a", Duration.ofSeconds(5), echo);
            String id = f.submit("echo", "hello").id();

            f.awaitStatus(id, OperationStatus.SUCCEEDED, WAIT);
            Operation op = f.get(id);
            assertThat(op.attempts()).isEqualTo(1);
            assertThat(op.progress()).isEqualTo(1.0);
            assertThat(op.completedAt()).isNotNull();
            assertThat(op.error()).isNull();
            assertThat(text(f.service.result(f.projectId, id).orElseThrow())).isEqualTo("{\"echo\":\"hello\",\"attempt\":1}");
            assertThat(echo.calls(id)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void retriesWithBackoffThenSucceeds(TestDatabases.Kind kind) {
        try (OperationsFixture f = new OperationsFixture(kind)) {
            List<Instant> startedAt = new CopyOnWriteArrayList<>();
            TestHandler flaky = new TestHandler("flaky", ctx -> {
                startedAt.add(Instant.now());
                if (ctx.attempt() < 3) throw new IOException("GPU busy");
                return bytes("{\"ok\":true}");
            });
            workers(f, "node-a", Duration.ofSeconds(5), flaky);
            String id = f.submit("flaky", "x").id();

            f.awaitStatus(id, OperationStatus.SUCCEEDED, WAIT);
            assertThat(f.get(id).attempts()).isEqualTo(3);
            assertThat(flaky.calls(id)).isEqualTo(3);
            assertThat(text(f.service.result(f.projectId, id).orElseThrow())).isEqualTo("{\"ok\":true}");
            // Backoff 50 ms, then 100 ms.
            assertThat(Duration.between(startedAt.get(0), startedAt.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(45));
            assertThat(Duration.between(startedAt.get(1), startedAt.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(95));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void failsForGoodAfterMaxAttemptsWithTheReason(TestDatabases.Kind kind) {
        try (OperationsFixture f = new OperationsFixture(kind)) {
            TestHandler broken = new TestHandler("broken", ctx -> {
                throw new IllegalStateException("model crashed on attempt " + ctx.attempt());
            });
            workers(f, "node-a", Duration.ofSeconds(5), broken);
            String id = f.submit("broken", "x").id();

            f.awaitStatus(id, OperationStatus.FAILED, WAIT);
            Operation op = f.get(id);
            assertThat(op.attempts()).isEqualTo(3);
            assertThat(broken.calls(id)).isEqualTo(3);
            assertThat(op.completedAt()).isNotNull();
            assertThat(op.error().code()).isEqualTo("operation_failed");
            assertThat(op.error().message()).contains("model crashed on attempt 3").contains("3 attempts");
            assertThat(f.service.result(f.projectId, id)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void clientProblemFailsAtOnceButServerProblemRetries(TestDatabases.Kind kind) {
        try (OperationsFixture f = new OperationsFixture(kind)) {
            TestHandler strict = new TestHandler("strict", ctx -> {
                throw Problem.invalid("image is 0x0 pixels");
            });
            TestHandler unavailable = new TestHandler("unavailable", ctx -> {
                if (ctx.attempt() == 1) throw new Problem(503, "model_loading", "Model loading", "try again");
                return bytes("{}");
            });
            workers(f, "node-a", Duration.ofSeconds(5), strict, unavailable);
            String bad = f.submit("strict", "x").id();
            String later = f.submit("unavailable", "x").id();

            f.awaitStatus(bad, OperationStatus.FAILED, WAIT);
            Operation op = f.get(bad);
            assertThat(op.attempts()).isEqualTo(1);
            assertThat(op.error()).isEqualTo(new OperationError("validation_failed", "image is 0x0 pixels"));
            assertThat(strict.calls(bad)).isEqualTo(1);

            f.awaitStatus(later, OperationStatus.SUCCEEDED, WAIT);
            assertThat(f.get(later).attempts()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void progressIsPersistedWhileRunning(TestDatabases.Kind kind) throws InterruptedException {
        try (OperationsFixture f = new OperationsFixture(kind)) {
            CountDownLatch release = new CountDownLatch(1);
            TestHandler slow = new TestHandler("slow", ctx -> {
                ctx.progress(0.25);
                Thread.sleep(250);   // past the progress throttle
                ctx.progress(0.5);
                if (!release.await(20, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
                return bytes("{}");
            });
            workers(f, "node-a", Duration.ofSeconds(5), slow);
            String id = f.submit("slow", "x").id();

            await(WAIT, "progress 0.5", () -> f.get(id).progress() == 0.5);
            Operation running = f.get(id);
            assertThat(running.status()).isEqualTo(OperationStatus.RUNNING);
            assertThat(running.updatedAt()).isAfter(running.createdAt());
            release.countDown();
            f.awaitStatus(id, OperationStatus.SUCCEEDED, WAIT);
            assertThat(f.get(id).progress()).isEqualTo(1.0);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void cancelingARunningOperationStopsItAndDiscardsItsResult(TestDatabases.Kind kind) {
        try (OperationsFixture f = new OperationsFixture(kind)) {
            AtomicBoolean sawCancel = new AtomicBoolean();
            CountDownLatch returned = new CountDownLatch(1);
            TestHandler longRunning = new TestHandler("long", ctx -> {
                try {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                    while (System.nanoTime() < deadline) {
                        if (ctx.canceled()) {
                            sawCancel.set(true);
                            break;
                        }
                        Thread.sleep(10);
                    }
                    return bytes("{\"partial\":true}");   // returned anyway: must be discarded
                } finally {
                    returned.countDown();
                }
            });
            workers(f, "node-a", Duration.ofSeconds(5), longRunning);
            String id = f.submit("long", "x").id();
            f.awaitStatus(id, OperationStatus.RUNNING, WAIT);

            Operation canceled = f.service.cancel(f.projectId, id);
            assertThat(canceled.status()).isEqualTo(OperationStatus.CANCELED);

            await(WAIT, "handler to return", () -> returned.getCount() == 0);
            await(WAIT, "worker to finish the discarded run", () -> f.blobs.get(OperationBlobs.resultKey(id, 1)).isEmpty());
            assertThat(sawCancel).isTrue();
            assertThat(f.get(id).status()).isEqualTo(OperationStatus.CANCELED);
            assertThat(f.service.result(f.projectId, id)).isEmpty();
            assertThat(longRunning.calls(id)).isEqualTo(1);
        }
    }

    /**
     * Node A claims with a short lease and "dies" (closed, its handler stuck and deaf to interrupts, so no
     * heartbeat and no completion). Node B takes the operation over once the lease has expired and completes
     * it. When A's handler finally returns, its completion is fenced off.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void expiredLeaseIsTakenOverAndTheStaleNodeCannotComplete(TestDatabases.Kind kind) throws InterruptedException {
        try (OperationsFixture f = new OperationsFixture(kind)) {
            CountDownLatch aStarted = new CountDownLatch(1);
            CountDownLatch releaseA = new CountDownLatch(1);
            CountDownLatch aReturned = new CountDownLatch(1);
            TestHandler stuck = new TestHandler("job", ctx -> {
                aStarted.countDown();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (releaseA.getCount() > 0 && System.nanoTime() < deadline) {
                    try {
                        releaseA.await(50, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException ignored) {
                        // a hung native call does not notice interrupts either
                    }
                }
                aReturned.countDown();
                return bytes("{\"by\":\"a\"}");
            });
            OperationWorkers a = workers(f, "node-a", Duration.ofMillis(600), stuck);
            String id = f.submit("job", "x").id();
            assertThat(aStarted.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(f.column(id, "lease_owner")).isEqualTo("node-a");

            // The heartbeat keeps A's lease while A lives: well past one lease, nobody else could claim it.
            Thread.sleep(1300);
            var now = SqlTimes.now(f.clock);
            assertThat(new LeaseStore(f.db).claimNext(Set.of("job"), "thief", 3, now, now.plusSeconds(1), 8)).isEmpty();

            a.close();   // A "dies": no more heartbeats; its handler is stuck
            TestHandler healthy = new TestHandler("job", ctx -> bytes("{\"by\":\"b\"}"));
            workers(f, "node-b", Duration.ofSeconds(5), healthy);

            f.awaitStatus(id, OperationStatus.SUCCEEDED, WAIT);
            assertThat(f.column(id, "lease_owner")).isEqualTo("node-b");
            assertThat(f.get(id).attempts()).isEqualTo(2);
            assertThat(text(f.service.result(f.projectId, id).orElseThrow())).isEqualTo("{\"by\":\"b\"}");

            releaseA.countDown();
            assertThat(aReturned.await(20, TimeUnit.SECONDS)).isTrue();
            await(WAIT, "A's discarded result blob to be removed", () -> f.blobs.get(OperationBlobs.resultKey(id, 1)).isEmpty());
            Operation op = f.get(id);
            assertThat(op.status()).isEqualTo(OperationStatus.SUCCEEDED);
            assertThat(op.attempts()).isEqualTo(2);
            assertThat(text(f.service.result(f.projectId, id).orElseThrow())).isEqualTo("{\"by\":\"b\"}");
            assertThat(stuck.calls(id)).isEqualTo(1);
            assertThat(healthy.calls(id)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void closeAbandonsInterruptedWorkWithoutFailingIt(TestDatabases.Kind kind) throws InterruptedException {
        try (OperationsFixture f = new OperationsFixture(kind)) {
            CountDownLatch started = new CountDownLatch(1);
            TestHandler blocking = new TestHandler("job", ctx -> {
                started.countDown();
                new CountDownLatch(1).await(30, TimeUnit.SECONDS);   // interrupted by close
                return bytes("{\"by\":\"a\"}");
            });
            OperationWorkers a = workers(f, "node-a", Duration.ofMillis(500), blocking);
            String id = f.submit("job", "x").id();
            assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
            a.close();

            Operation abandoned = f.get(id);
            assertThat(abandoned.status()).isEqualTo(OperationStatus.RUNNING);   // neither failed nor retried: the lease decides
            assertThat(abandoned.error()).isNull();

            TestHandler next = new TestHandler("job", ctx -> bytes("{\"by\":\"b\"}"));
            workers(f, "node-b", Duration.ofSeconds(5), next);
            f.awaitStatus(id, OperationStatus.SUCCEEDED, WAIT);
            assertThat(f.get(id).attempts()).isEqualTo(2);
            assertThat(text(f.service.result(f.projectId, id).orElseThrow())).isEqualTo("{\"by\":\"b\"}");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void fencedWritesRejectAStaleAttempt(TestDatabases.Kind kind) throws InterruptedException {
        try (OperationsFixture f = new OperationsFixture(kind)) {
            LeaseStore leases = new LeaseStore(f.db);
            String id = f.submit("job", "x").id();
            var now = SqlTimes.now(f.clock);
            Claimed first = leases.claimNext(Set.of("job"), "node-a", 3, now, now.plusMillis(50), 4).orElseThrow();
            // Not claimable while the lease holds, also not by the same node.
            assertThat(leases.claimNext(Set.of("job"), "node-a", 3, now, now.plusSeconds(5), 4)).isEmpty();

            Thread.sleep(80);
            var later = SqlTimes.now(f.clock);
            Claimed second = leases.claimNext(Set.of("job"), "node-b", 3, later, later.plusSeconds(30), 4).orElseThrow();
            assertThat(second.attempt()).isEqualTo(2);

            assertThat(leases.renew(first.lease(), later.plusSeconds(30))).isFalse();
            assertThat(leases.progress(first.lease(), 0.9, later)).isFalse();
            assertThat(leases.stillOwned(first.lease())).isFalse();
            assertThat(leases.succeed(first.lease(), "operations/" + id + "/result-1", later)).isFalse();
            assertThat(leases.fail(first.lease(), new OperationError("x", "y"), later)).isFalse();
            assertThat(leases.requeue(first.lease(), later, later)).isFalse();
            // Same node name, old attempt: still fenced off.
            assertThat(leases.succeed(new Lease(id, "node-b", 1), "k", later)).isFalse();

            assertThat(leases.stillOwned(second.lease())).isTrue();
            assertThat(leases.succeed(second.lease(), "operations/" + id + "/result-2", later)).isTrue();
            assertThat(leases.succeed(second.lease(), "operations/" + id + "/result-2", later)).isFalse();   // exactly once
            assertThat(f.get(id).status()).isEqualTo(OperationStatus.SUCCEEDED);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void takeOverAfterTheLastAllowedAttemptFails(TestDatabases.Kind kind) throws InterruptedException {
        try (OperationsFixture f = new OperationsFixture(kind)) {
            String id = f.submit("job", "x").id();
            var now = SqlTimes.now(f.clock);
            // A node claimed the only allowed attempt, then vanished.
            new LeaseStore(f.db).claimNext(Set.of("job"), "vanished", 1, now, now.plusMillis(50), 4).orElseThrow();
            Thread.sleep(80);

            TestHandler handler = new TestHandler("job", ctx -> bytes("{}"));
            workers(f, "node-b", Duration.ofSeconds(5), handler);
            f.awaitStatus(id, OperationStatus.FAILED, WAIT);
            assertThat(f.get(id).error().code()).isEqualTo("operation_failed");
            assertThat(f.get(id).error().message()).contains("stopped before finishing");
            assertThat(handler.calls(id)).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void workersClaimOnlyKindsTheyHandle(TestDatabases.Kind kind) throws InterruptedException {
        try (OperationsFixture f = new OperationsFixture(kind)) {
            TestHandler echo = new TestHandler("echo", ctx -> bytes("{}"));
            workers(f, "node-a", Duration.ofSeconds(5), echo);
            String other = f.submit("train", "x").id();
            String mine = f.submit("echo", "x").id();
            f.awaitStatus(mine, OperationStatus.SUCCEEDED, WAIT);
            Thread.sleep(100);
            assertThat(f.get(other).status()).isEqualTo(OperationStatus.QUEUED);
        }
    }
}
