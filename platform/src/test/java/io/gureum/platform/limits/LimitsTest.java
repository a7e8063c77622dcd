package io.gureum.platform.limits;

import io.gureum.core.Problem;
import io.gureum.platform.db.Database;
import io.gureum.platform.db.TestDatabases;
import io.gureum.platform.keys.ApiKey;
import io.gureum.platform.keys.KeyStore;
import io.gureum.platform.keys.NewKey;
import io.gureum.platform.keys.RateLimit;
import io.gureum.platform.projects.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitsTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void nodesReserveBlocksSoTheyNeverOverspendAndHandBackWhatIsUnusedOnClose(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            Clock clock = Clock.systemUTC();
            String project = new ProjectStore(db, clock).create("blocks").id();
            ApiKey key = new KeyStore(db, clock).create(new NewKey(project, "k", Set.of("language"), null, null,
                    Map.of("language", 10_000L))).key();
            QuotaLedger nodeA = new QuotaLedger(db, clock);
            QuotaLedger nodeB = new QuotaLedger(db, clock);
            nodeA.spend(key, "language", 1); // reserves a block of 1% (100 units) in the shared count
            long shared = db.jdbi().withHandle(h -> h.createQuery("SELECT used FROM quota_usage").mapTo(Long.class).one());
            assertThat(shared).isEqualTo(100);
            assertThat(nodeA.usedThisMonth(key.id(), "language")).isEqualTo(1);
            for (int i = 0; i < 99; i++) nodeA.spend(key, "language", 1);
            nodeB.spend(key, "language", 9_800);
            assertThatThrownBy(() -> nodeB.spend(key, "language", 101)).isInstanceOf(Problem.class);
            nodeB.spend(key, "language", 100); // the last units fit exactly
            assertThatThrownBy(() -> nodeA.spend(key, "language", 1))
                    .isInstanceOfSatisfying(Problem.class, e -> assertThat(e.code()).isEqualTo("quota_exceeded"));
            nodeA.refund(key, "language", 40);
            nodeA.close(); // 40 unspent units go back to the shared count
            nodeB.spend(key, "language", 40);
            assertThat(nodeB.usedThisMonth(key.id(), "language")).isEqualTo(10_000);
        }
    }

    @Test
    void tokenBucketAllowsBurstThenRefusesWithRetryAfter() {
        TokenBucket bucket = new TokenBucket(new RateLimit(2, 3), 0);
        for (int i = 0; i < 3; i++) assertThat(bucket.tryTake(0).allowed()).isTrue();
        RateDecision refused = bucket.tryTake(0);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(bucket.tryTake(500_000_000L).allowed()).as("0.5 s at 2/s refills one token").isTrue();
        assertThat(bucket.tryTake(500_000_000L).allowed()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void concurrentSpendsNeverExceedTheMonthlyQuota(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            Clock clock = Clock.systemUTC();
            String project = new ProjectStore(db, clock).create("q").id();
            KeyStore keys = new KeyStore(db, clock);
            ApiKey key = keys.create(new NewKey(project, "k", Set.of("language"), null, null, Map.of("language", 1000L))).key();
            QuotaLedger ledger = new QuotaLedger(db, clock);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> {
                    try {
                        ledger.spend(key, "language", 100);
                        return true;
                    } catch (Problem e) {
                        assertThat(e.code()).isEqualTo("quota_exceeded");
                        return false;
                    }
                }));
            }
            long granted = 0;
            for (Future<Boolean> f : results) if (f.get()) granted++;
            pool.shutdown();
            assertThat(granted).isEqualTo(10);
            assertThat(ledger.usedThisMonth(key.id(), "language")).isEqualTo(1000);
            ledger.refund(key, "language", 100);
            assertThat(ledger.usedThisMonth(key.id(), "language")).isEqualTo(900);
            ledger.spend(key, "language", 100);
            assertThat(ledger.usedThisMonth(key.id(), "language")).isEqualTo(1000);
            assertThatThrownBy(() -> ledger.spend(key, "language", 1))
                    .isInstanceOfSatisfying(Problem.class, e -> assertThat(e.extensions()).containsKey("retryAfterSeconds"));
        }
    }
}
