package cloud.scaling.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CombinerTest {

    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void anItemAloneIsABatchOfOneAtOnce() {
        Combiner<Integer, String> combiner = new Combiner<>(this::twice, 10);

        assertEquals("42", combiner.submit(21));
        assertEquals(List.of(List.of(21)), batches);
    }

    @Test
    void itemsHandedInWhileABatchRunsGoTogetherInTheNext() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Combiner<Integer, String> combiner = new Combiner<>(
                items -> {
                    if (items.equals(List.of(1))) {
                        firstRunning.countDown();
                        await(release);
                    }
                    return twice(items);
                },
                10);

        Future<String> first = threads.submit(() -> combiner.submit(1));
        firstRunning.await();
        List<Thread> waiting = Collections.synchronizedList(new ArrayList<>());
        List<Future<String>> later = new ArrayList<>();
        for (int item = 2; item <= 4; item++) {
            int handedIn = item;
            later.add(threads.submit(() -> {
                waiting.add(Thread.currentThread());
                return combiner.submit(handedIn);
            }));
        }
        // The three later threads are parked on the running batch before it may end.
        Await.until(
                "three threads waiting",
                Duration.ofSeconds(10),
                () -> waiting.size() == 3
                        && waiting.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING));
        release.countDown();

        assertEquals("2", first.get());
        assertEquals("4", later.get(0).get());
        assertEquals("6", later.get(1).get());
        assertEquals("8", later.get(2).get());
        assertEquals(2, batches.size());
        assertEquals(Set.of(2, 3, 4), Set.copyOf(batches.get(1)));
        assertEquals(3, batches.get(1).size());
    }

    @Test
    void aFailedBatchRunsAgainOneByOneSoOnlyTheBadItemFails() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Combiner<Integer, String> combiner = new Combiner<>(
                items -> {
                    if (items.equals(List.of(0))) {
                        firstRunning.countDown();
                        await(release);
                    }
                    if (items.contains(13)) {
                        throw new IllegalArgumentException("unlucky");
                    }
                    return twice(items);
                },
                10);
        Future<String> first = threads.submit(() -> combiner.submit(0));
        firstRunning.await();
        List<Thread> waiting = Collections.synchronizedList(new ArrayList<>());
        Future<String> good = threads.submit(() -> {
            waiting.add(Thread.currentThread());
            return combiner.submit(5);
        });
        Future<String> bad = threads.submit(() -> {
            waiting.add(Thread.currentThread());
            return combiner.submit(13);
        });
        Await.until(
                "two threads waiting",
                Duration.ofSeconds(10),
                () -> waiting.size() == 2
                        && waiting.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING));
        release.countDown();

        assertEquals("0", first.get());
        assertEquals("10", good.get());
        assertInstanceOf(
                IllegalArgumentException.class,
                assertThrows(ExecutionException.class, bad::get).getCause());
    }

    @Test
    void aBatchHoldsAtMostTheLargest() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Combiner<Integer, String> combiner = new Combiner<>(
                items -> {
                    if (items.equals(List.of(0))) {
                        firstRunning.countDown();
                        await(release);
                    }
                    return twice(items);
                },
                2);
        Future<String> first = threads.submit(() -> combiner.submit(0));
        firstRunning.await();
        List<Thread> waiting = Collections.synchronizedList(new ArrayList<>());
        List<Future<String>> later = new ArrayList<>();
        for (int item = 1; item <= 3; item++) {
            int handedIn = item;
            later.add(threads.submit(() -> {
                waiting.add(Thread.currentThread());
                return combiner.submit(handedIn);
            }));
        }
        Await.until(
                "three threads waiting",
                Duration.ofSeconds(10),
                () -> waiting.size() == 3
                        && waiting.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING));
        release.countDown();
        first.get();
        for (Future<String> each : later) {
            each.get();
        }

        assertEquals(3, batches.size());
        assertTrue(batches.subList(1, 3).stream().allMatch(batch -> batch.size() <= 2), batches::toString);
        assertEquals(3, batches.get(1).size() + batches.get(2).size());
    }

    private List<String> twice(List<Integer> items) {
        batches.add(List.copyOf(items));
        return items.stream().map(item -> String.valueOf(item * 2)).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
