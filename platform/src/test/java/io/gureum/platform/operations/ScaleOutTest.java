package io.gureum.platform.operations;

import io.gureum.platform.db.Database;
import io.gureum.platform.db.TestDatabases;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.gureum.platform.operations.OperationsFixture.await;
import static io.gureum.platform.operations.OperationsFixture.bytes;
import static io.gureum.platform.operations.OperationsFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes (separate connection pools, different node ids, 4 threads each) share one database:
 * every operation runs exactly once. On PostgreSQL this is the scale-out deployment; on H2 the two
 * pools share one embedded database, the most H2 offers.
 */
@Timeout(120)
class ScaleOutTest {
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void twoNodesRunEveryOperationExactlyOnce(TestDatabases.Kind kind) {
        try (OperationsFixture f = new OperationsFixture(kind)) {
            TestHandler handlerA = new TestHandler("echo", ctx -> {
                Thread.sleep(3);
                return ctx.input();
            });
            TestHandler handlerB = new TestHandler("echo", ctx -> {
                Thread.sleep(3);
                return ctx.input();
            });
            Database dbA = f.openAgain();
            Database dbB = f.openAgain();
            Duration lease = Duration.ofSeconds(30);
            OperationWorkers a = f.closeLater(new OperationWorkers(dbA, f.blobs, List.of(handlerA),
                    new WorkerSettings("node-a", 4, lease, Duration.ofMillis(10), 3, Duration.ofMillis(50)), null, f.clock));
            OperationWorkers b = f.closeLater(new OperationWorkers(dbB, f.blobs, List.of(handlerB),
                    new WorkerSettings("node-b", 4, lease, Duration.ofMillis(10), 3, Duration.ofMillis(50)), null, f.clock));
            a.start();
            b.start();

            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 200; i++) ids.add(f.submit("echo", "input-" + i).id());

            await(Duration.ofSeconds(90), "all 200 to succeed",
                    () -> f.service.list(f.projectId, Optional.of(OperationStatus.SUCCEEDED), 1000).size() == 200);

            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                Operation op = f.get(id);
                assertThat(op.attempts()).as("attempts of %s", id).isEqualTo(1);
                assertThat(handlerA.calls(id) + handlerB.calls(id)).as("invocations of %s", id).isEqualTo(1);
                assertThat(text(f.service.result(f.projectId, id).orElseThrow())).isEqualTo("input-" + i);
            }
            Map<String, Long> byNode = ids.stream().collect(Collectors.groupingBy(id -> f.column(id, "lease_owner"), Collectors.counting()));
            assertThat(byNode.keySet()).containsExactlyInAnyOrder("node-a", "node-b");
            assertThat(handlerA.calls.size() + handlerB.calls.size()).isEqualTo(200);
        }
    }
}
