package io.gureum.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageThroughputTest {
    private static final List<Integer> TEN = IntStream.range(0, 10).boxed().toList();

    @Test
    void callersStartSpreadOverTheItemsAndWrapAroundWithoutRepeatingAnItemInACall() {
        assertThat(LanguageThroughput.callItems(TEN, 1, 0, 0, 3)).containsExactly(0, 1, 2);
        assertThat(LanguageThroughput.callItems(TEN, 1, 0, 3, 3)).containsExactly(9, 0, 1);
        assertThat(LanguageThroughput.callItems(TEN, 2, 1, 0, 3)).containsExactly(5, 6, 7);
        List<Integer> whole = LanguageThroughput.callItems(TEN, 8, 7, 123, 10);
        assertThat(new HashSet<>(whole)).hasSize(10);   // unique ids within a call, as sentiment requires
    }

    @Test
    void countsWhatTheCallsSayTheyHandledOverTheTimeTheyTook() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        LanguageThroughput<Integer> throughput = new LanguageThroughput<>(TEN, Duration.ZERO, Duration.ofMillis(50));
        double perSecond = throughput.perSecond(batch -> {
            calls.incrementAndGet();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return batch.size();
        }, 2, 4);
        // two callers, 4 items per call of about 5 ms: about 1,600 items per second, well under the unthrottled bound
        assertThat(calls.get()).isGreaterThanOrEqualTo(2);
        assertThat(perSecond).isBetween(100.0, 1_700.0);
    }
}
