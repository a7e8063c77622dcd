package io.gureum.platform.operations;

import io.gureum.platform.db.SqlTimes;
import io.gureum.core.Problem;
import io.gureum.platform.db.TestDatabases;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.gureum.platform.operations.OperationsFixture.bytes;
import static io.gureum.platform.operations.OperationsFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class OperationServiceTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void submitFindListResultRoundTrip(TestDatabases.Kind kind) {
        try (OperationsFixture f = new OperationsFixture(kind)) {
            Submitted submitted = f.service.submit(new NewOperation(f.projectId, "echo", bytes("{\"x\":1}"), null, null));
            Operation op = submitted.operation();
            assertThat(submitted.created()).isTrue();
            assertThat(op.id()).startsWith("op_");
            assertThat(op.status()).isEqualTo(OperationStatus.QUEUED);
            assertThat(op.progress()).isZero();
            assertThat(op.attempts()).isZero();
            assertThat(op.completedAt()).isNull();
            assertThat(op.error()).isNull();

            // What submit returned is exactly what the database holds.
            assertThat(f.service.find(f.projectId, op.id())).contains(op);
            assertThat(f.blobs.get(OperationBlobs.inputKey(op.id()))).hasValueSatisfying(b -> assertThat(text(b)).isEqualTo("{\"x\":1}"));
            assertThat(f.service.result(f.projectId, op.id())).isEmpty();   // not succeeded yet

            // Run it through the worker-side store to get a result.
            LeaseStore leases = new LeaseStore(f.db);
            var now = SqlTimes.now(f.clock);
            Claimed claimed = leases.claimNext(Set.of("echo"), "node-a", 3, now, now.plusSeconds(30), 4).orElseThrow();
            String key = OperationBlobs.resultKey(op.id(), claimed.attempt());
            f.blobs.put(key, bytes("{\"ok\":true}"));
            assertThat(leases.succeed(claimed.lease(), key, SqlTimes.now(f.clock))).isTrue();

            Operation done = f.get(op.id());
            assertThat(done.status()).isEqualTo(OperationStatus.SUCCEEDED);
            assertThat(done.progress()).isEqualTo(1.0);
            assertThat(done.attempts()).isEqualTo(1);
            assertThat(done.completedAt()).isNotNull();
            assertThat(f.service.result(f.projectId, op.id())).hasValueSatisfying(b -> assertThat(text(b)).isEqualTo("{\"ok\":true}"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void listIsNewestFirstFilteredAndPerProject(TestDatabases.Kind kind) throws InterruptedException {
        try (OperationsFixture f = new OperationsFixture(kind)) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(f.submit("echo", "in" + i).id());
                Thread.sleep(2);   // distinct created_at
            }
            f.service.cancel(f.projectId, ids.get(1));
            String other = f.createProject("other");
            f.service.submit(new NewOperation(other, "echo", bytes("x"), null, null));

            assertThat(f.service.list(f.projectId, Optional.empty(), 100)).extracting(Operation::id)
                    .containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
            assertThat(f.service.list(f.projectId, Optional.empty(), 2)).extracting(Operation::id)
                    .containsExactly(ids.get(4), ids.get(3));
            assertThat(f.service.list(f.projectId, Optional.of(OperationStatus.CANCELED), 100)).extracting(Operation::id)
                    .containsExactly(ids.get(1));
            assertThat(f.service.list(f.projectId, Optional.of(OperationStatus.QUEUED), 100)).hasSize(4);
            assertThat(f.service.list(other, Optional.empty(), 100)).hasSize(1);
            // Another project's operation is invisible.
            assertThat(f.service.find(other, ids.get(0))).isEmpty();
            assertThat(f.service.result(other, ids.get(0))).isEmpty();
            assertThatThrownBy(() -> f.service.cancel(other, ids.get(0)))
                    .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(404));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void cancelQueuedThenCancelAgainIsAConflict(TestDatabases.Kind kind) {
        try (OperationsFixture f = new OperationsFixture(kind)) {
            String id = f.submit("echo", "x").id();
            Operation canceled = f.service.cancel(f.projectId, id);
            assertThat(canceled.status()).isEqualTo(OperationStatus.CANCELED);
            assertThat(canceled.completedAt()).isNotNull();
            assertThat(f.get(id).status()).isEqualTo(OperationStatus.CANCELED);

            assertThatThrownBy(() -> f.service.cancel(f.projectId, id))
                    .isInstanceOfSatisfying(Problem.class, p -> {
                        assertThat(p.status()).isEqualTo(409);
                        assertThat(p.code()).isEqualTo("operation_not_cancelable");
                    });
            assertThatThrownBy(() -> f.service.cancel(f.projectId, "op_missing"))
                    .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("not_found"));

            // A canceled operation is never claimed.
            var now = SqlTimes.now(f.clock);
            assertThat(new LeaseStore(f.db).claimNext(Set.of("echo"), "n", 3, now, now.plusSeconds(5), 4)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void idempotencyKeyReplaysOrConflicts(TestDatabases.Kind kind) {
        try (OperationsFixture f = new OperationsFixture(kind)) {
            Submitted first = f.service.submit(new NewOperation(f.projectId, "echo", bytes("a"), "key-1", null));
            Submitted again = f.service.submit(new NewOperation(f.projectId, "echo", bytes("a"), "key-1", null));
            assertThat(first.created()).isTrue();
            assertThat(again.created()).isFalse();
            assertThat(again.operation().id()).isEqualTo(first.operation().id());

            assertThatThrownBy(() -> f.service.submit(new NewOperation(f.projectId, "echo", bytes("b"), "key-1", null)))
                    .isInstanceOfSatisfying(Problem.class, p -> {
                        assertThat(p.status()).isEqualTo(409);
                        assertThat(p.code()).isEqualTo("idempotency_key_reused");
                    });
            assertThatThrownBy(() -> f.service.submit(new NewOperation(f.projectId, "other", bytes("a"), "key-1", null)))
                    .isInstanceOf(Problem.class);

            // The same key in another project is another operation.
            String other = f.createProject("other");
            Submitted elsewhere = f.service.submit(new NewOperation(other, "echo", bytes("a"), "key-1", null));
            assertThat(elsewhere.created()).isTrue();
            assertThat(elsewhere.operation().id()).isNotEqualTo(first.operation().id());

            // Without a key every submit is new.
            assertThat(f.submit("echo", "a").id()).isNotEqualTo(f.submit("echo", "a").id());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void concurrentDuplicateSubmitsCreateOneOperation(TestDatabases.Kind kind) throws Exception {
        try (OperationsFixture f = new OperationsFixture(kind)) {
            int n = 16;
            ExecutorService pool = Executors.newFixedThreadPool(n);
            try {
                for (int round = 0; round < 5; round++) {
                    String key = "race-" + round;
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<Submitted>> futures = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        Callable<Submitted> submit = () -> {
                            go.await();
                            return f.service.submit(new NewOperation(f.projectId, "echo", bytes("same"), key, null));
                        };
                        futures.add(pool.submit(submit));
                    }
                    go.countDown();
                    List<Submitted> results = new ArrayList<>();
                    for (Future<Submitted> fu : futures) results.add(fu.get(30, TimeUnit.SECONDS));

                    assertThat(results.stream().map(s -> s.operation().id()).collect(Collectors.toSet())).hasSize(1);
                    assertThat(results.stream().filter(Submitted::created)).hasSize(1);
                }
                assertThat(f.service.list(f.projectId, Optional.empty(), 1000)).hasSize(5);
                // Losers removed the input they wrote; only the winners' inputs exist.
                for (Operation op : f.service.list(f.projectId, Optional.empty(), 1000)) {
                    assertThat(f.blobs.get(OperationBlobs.inputKey(op.id()))).isPresent();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void refusesBadRequests(TestDatabases.Kind kind) {
        try (OperationsFixture f = new OperationsFixture(kind)) {
            assertThatThrownBy(() -> f.service.submit(new NewOperation(f.projectId, "echo", bytes("a"), "k".repeat(256), null)))
                    .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status()).isEqualTo(422));
            assertThatThrownBy(() -> f.service.submit(new NewOperation(f.projectId, "bad kind", bytes("a"), null, null)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> f.service.submit(new NewOperation(f.projectId, "echo", null, null, null)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(f.service.list(f.projectId, Optional.empty(), 10)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void unknownProjectIsRefusedAndLeavesNoInputBehind(TestDatabases.Kind kind) throws java.io.IOException {
        try (OperationsFixture f = new OperationsFixture(kind)) {
            assertThatThrownBy(() -> f.service.submit(new NewOperation("prj_nobody", "echo", bytes("a"), null, null)))
                    .isInstanceOf(RuntimeException.class);
            try (var files = java.nio.file.Files.walk(f.blobRoot)) {
                assertThat(files.filter(java.nio.file.Files::isRegularFile)).isEmpty();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void statusWireForm() {
        for (OperationStatus s : OperationStatus.values()) assertThat(OperationStatus.fromWire(s.wire())).isEqualTo(s);
        assertThat(OperationStatus.RUNNING.wire()).isEqualTo("running");
        assertThat(OperationStatus.QUEUED.terminal()).isFalse();
        assertThat(OperationStatus.RUNNING.terminal()).isFalse();
        assertThat(OperationStatus.SUCCEEDED.terminal()).isTrue();
        assertThat(OperationStatus.FAILED.terminal()).isTrue();
        assertThat(OperationStatus.CANCELED.terminal()).isTrue();
        assertThatThrownBy(() -> OperationStatus.fromWire("RUNNING")).isInstanceOf(Problem.class);
    }

    @org.junit.jupiter.api.Test
    void backoffDoubles() {
        assertThat(Backoff.after(Duration.ofSeconds(5), 1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(Backoff.after(Duration.ofSeconds(5), 2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Backoff.after(Duration.ofSeconds(5), 4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(Backoff.after(Duration.ofSeconds(1), 1000)).isEqualTo(Duration.ofSeconds(1L << 20));
    }
}
