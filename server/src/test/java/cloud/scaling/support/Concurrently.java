package cloud.scaling.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Races: {@code count} calls released at the same moment (as near as threads allow), every answer returned. */
public final class Concurrently {

    private Concurrently() {}

    public static <T> List<T> run(int count, IntFunction<T> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                answers.add(threads.submit((Callable<T>) () -> {
                    start.await();
                    return call.apply(index);
                }));
            }
            start.countDown();
            List<T> result = new ArrayList<>();
            for (Future<T> answer : answers) {
                result.add(answer.get());
            }
            return result;
        } finally {
            threads.shutdownNow();
        }
    }
}
