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
            assertThat(ledger.spend(key, "language", 100)).hasValueSatisfying(s -> assertThat(s.remaining()).isZero());
            assertThatThrownBy(() -> ledger.spend(key, "language", 1))
                    .isInstanceOfSatisfying(Problem.class, e -> assertThat(e.extensions()).containsKey("retryAfterSeconds"));
        }
    }
}
