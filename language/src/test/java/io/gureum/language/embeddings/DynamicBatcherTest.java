package io.gureum.language.embeddings;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The batcher alone, with a runner that records the batches it is given (no model). */
class DynamicBatcherTest {
    /** Long enough that a test would time out if a batch waited for it needlessly. */
    private static final Duration LONG_DELAY = Duration.ofSeconds(30);

    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    private final Function<List<Integer>, List<String>> recordingRunner = items -> {
        batches.add(List.copyOf(items));
        return items.stream().map(i -> "#" + i).toList();
    };

    @Test
    void aLoneCallerRunsAtOnceInOneBatchWithoutWaiting() {
        try (var batcher = new DynamicBatcher<>("test", new BatchSettings(8, LONG_DELAY, 1), recordingRunner)) {
            long start = System.nanoTime();
            List<String> results = join(batcher.submit(() -> List.of(1, 2, 3)));

            assertThat(results).containsExactly("#1", "#2", "#3");
            assertThat(batches).containsExactly(List.of(1, 2, 3));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void callersPreparingAtTheSameTimeRunTogether() throws Exception {
        int callers = 4;
        CountDownLatch allPreparing = new CountDownLatch(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try (var batcher = new DynamicBatcher<>("test", new BatchSettings(callers, LONG_DELAY, 1), recordingRunner)) {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int item = c;
                results.add(pool.submit(() -> join(batcher.submit(() -> {
                    allPreparing.countDown();
                    await(allPreparing);   // every caller is inside submit before any queues its item
                    return List.of(item);
                }))));
            }
            for (int c = 0; c < callers; c++) assertThat(results.get(c).get(10, TimeUnit.SECONDS)).containsExactly("#" + c);
        } finally {
            pool.shutdownNow();
        }
        // the first item waited for the others, which were being prepared: one run of the batch's full size
        assertThat(batches).singleElement().satisfies(b -> assertThat(b).containsExactlyInAnyOrder(0, 1, 2, 3));
    }

    @Test
    void aLongRequestIsCutIntoBatchesOfTheMaximumSizeInOrder() {
        try (var batcher = new DynamicBatcher<>("test", new BatchSettings(4, Duration.ZERO, 1), recordingRunner)) {
            List<String> results = join(batcher.submit(() -> IntStream.range(0, 10).boxed().toList()));

            assertThat(results).containsExactlyElementsOf(IntStream.range(0, 10).mapToObj(i -> "#" + i).toList());
            assertThat(batches).containsExactly(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7), List.of(8, 9));
        }
    }

    @Test
    void parallelRunsServeOneRequestAtOnce() throws Exception {
        CountDownLatch bothRunning = new CountDownLatch(2);
        Function<List<Integer>, List<String>> meetingRunner = items -> {
            bothRunning.countDown();
            await(bothRunning);   // returns only if the two single-item batches run at the same time
            return recordingRunner.apply(items);
        };
        try (var batcher = new DynamicBatcher<>("test", new BatchSettings(1, Duration.ZERO, 2), meetingRunner)) {
            assertThat(join(batcher.submit(() -> List.of(7, 8)))).containsExactly("#7", "#8");
        }
        assertThat(batches).containsExactlyInAnyOrder(List.of(7), List.of(8));
    }

    @Test
    void aRequestIsSharedOutBetweenTheParallelRuns() {
        CountDownLatch bothRunning = new CountDownLatch(2);
        Function<List<Integer>, List<String>> meetingRunner = items -> {
            bothRunning.countDown();
            await(bothRunning);
            return recordingRunner.apply(items);
        };
        try (var batcher = new DynamicBatcher<>("test", new BatchSettings(32, Duration.ZERO, 2), meetingRunner)) {
            assertThat(join(batcher.submit(() -> IntStream.range(0, 10).boxed().toList()))).hasSize(10);
        }
        assertThat(batches).containsExactlyInAnyOrder(List.of(0, 1, 2, 3, 4), List.of(5, 6, 7, 8, 9));
    }

    @Test
    void aFailedRunFailsItsCallersAndTheNextBatchStillRuns() {
        Function<List<Integer>, List<String>> failingOnZero = items -> {
            if (items.contains(0)) throw new IllegalStateException("model exploded");
            return recordingRunner.apply(items);
        };
        try (var batcher = new DynamicBatcher<>("test", new BatchSettings(2, Duration.ZERO, 1), failingOnZero)) {
            List<CompletableFuture<String>> failed = batcher.submit(() -> List.of(0, 1));
            assertThatThrownBy(() -> join(failed)).hasRootCauseMessage("model exploded");
            assertThat(join(batcher.submit(() -> List.of(2)))).containsExactly("#2");
        }
    }

    @Test
    void aCallerWhosePreparationFailsDoesNotHoldUpOthers() {
        try (var batcher = new DynamicBatcher<>("test", new BatchSettings(4, LONG_DELAY, 1), recordingRunner)) {
            assertThatThrownBy(() -> batcher.submit(() -> {
                throw new IllegalArgumentException("bad text");
            })).hasMessage("bad text");
            assertThat(join(batcher.submit(() -> List.of(5)))).containsExactly("#5");   // nobody left preparing: no wait
        }
    }

    @Test
    void closingFinishesTheRunningBatchAndRefusesNewWork() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Function<List<Integer>, List<String>> slow = items -> {
            running.countDown();
            await(release);
            return recordingRunner.apply(items);
        };
        var batcher = new DynamicBatcher<>("test", new BatchSettings(1, Duration.ZERO, 1), slow);
        List<CompletableFuture<String>> results = batcher.submit(() -> List.of(1, 2));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        Thread closer = new Thread(batcher::close);
        closer.start();
        while (closer.getState() != Thread.State.TIMED_WAITING) Thread.onSpinWait();   // closed, waiting for the run
        release.countDown();
        closer.join(10_000);

        assertThat(results.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("#1");   // the running batch finished
        assertThatThrownBy(() -> results.get(1).get(10, TimeUnit.SECONDS)).hasMessageContaining("test was closed");
        assertThatThrownBy(() -> batcher.submit(() -> List.of(3))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    private static <T> List<T> join(List<CompletableFuture<T>> futures) {
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("timed out waiting");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
