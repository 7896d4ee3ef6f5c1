package cloud.scaling.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Requests sent at the same moment (as near as threads allow), behind one start gate: for races. */
public final class AllAtOnce {

    private AllAtOnce() {}

    /** One of the racing requests; {@code index} runs from 0 to count - 1. */
    public interface Call {
        ApiResponse send(int index);
    }

    /** Sends {@code count} calls at once and returns every answer, in index order. */
    public static List<ApiResponse> send(int count, Call call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiResponse>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                answers.add(threads.submit((Callable<ApiResponse>) () -> {
                    start.await();
                    return call.send(index);
                }));
            }
            start.countDown();
            List<ApiResponse> result = new ArrayList<>();
            for (Future<ApiResponse> answer : answers) {
                result.add(answer.get());
            }
            return result;
        } finally {
            threads.shutdownNow();
        }
    }
}
