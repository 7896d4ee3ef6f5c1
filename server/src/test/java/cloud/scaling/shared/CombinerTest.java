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
        Held held = new Held(10);
        List<Future<String>> later = held.thenHandIn(2, 3, 4);

        assertEquals("0", held.first.get());
        assertEquals("4", later.get(0).get());
        assertEquals("6", later.get(1).get());
        assertEquals("8", later.get(2).get());
        assertEquals(2, batches.size());
        assertEquals(Set.of(2, 3, 4), Set.copyOf(batches.get(1)));
        assertEquals(3, batches.get(1).size());
    }

    @Test
    void aFailedBatchRunsAgainOneByOneSoOnlyTheBadItemFails() throws Exception {
        Held held = new Held(10);
        List<Future<String>> later = held.thenHandIn(5, UNLUCKY);

        assertEquals("0", held.first.get());
        assertEquals("10", later.get(0).get());
        assertInstanceOf(
                IllegalArgumentException.class,
                assertThrows(ExecutionException.class, later.get(1)::get).getCause());
    }

    @Test
    void aBatchHoldsAtMostTheLargest() throws Exception {
        Held held = new Held(2);
        List<Future<String>> later = held.thenHandIn(1, 2, 3);
        held.first.get();
        for (Future<String> each : later) {
            each.get();
        }

        assertEquals(3, batches.size());
        assertTrue(batches.subList(1, 3).stream().allMatch(batch -> batch.size() <= 2), batches::toString);
        assertEquals(3, batches.get(1).size() + batches.get(2).size());
    }

    /** An item that fails any batch it is in. */
    private static final int UNLUCKY = 13;

    /**
     * A combiner whose first batch (the item 0, handed in at once) runs until the later items' threads all wait for
     * it; then it ends, and the later items run as the combiner batches them.
     */
    private final class Held {
        final CountDownLatch firstRunning = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final Combiner<Integer, String> combiner;
        final Future<String> first;

        Held(int largest) throws InterruptedException {
            combiner = new Combiner<>(
                    items -> {
                        if (items.equals(List.of(0))) {
                            firstRunning.countDown();
                            CombinerTest.await(release);
                        }
                        if (items.contains(UNLUCKY)) {
                            throw new IllegalArgumentException("unlucky");
                        }
                        return twice(items);
                    },
                    largest);
            first = threads.submit(() -> combiner.submit(0));
            firstRunning.await();
        }

        List<Future<String>> thenHandIn(int... items) {
            List<Thread> waiting = Collections.synchronizedList(new ArrayList<>());
            List<Future<String>> later = new ArrayList<>();
            for (int item : items) {
                later.add(threads.submit(() -> {
                    waiting.add(Thread.currentThread());
                    return combiner.submit(item);
                }));
            }
            // Every later thread is parked on the running batch before it may end.
            Await.until(
                    items.length + " threads waiting",
                    Duration.ofSeconds(10),
                    () -> waiting.size() == items.length
                            && waiting.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING));
            release.countDown();
            return later;
        }
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
