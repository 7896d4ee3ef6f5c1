package cloud.scaling.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The backoff's bounds, including the 30 s ceiling that three retries never reach over HTTP. */
class RetryPolicyTest {

    @Test
    void theBackoffCeilingDoublesFromOneSecondUpToThirtySeconds() {
        RetryPolicy highest = new RetryPolicy(new HighestRandom());

        long[] seconds = {1, 2, 4, 8, 16, 30, 30};
        for (int retry = 0; retry < seconds.length; retry++) {
            assertEquals(Duration.ofSeconds(seconds[retry]), highest.backoff(retry), "retry " + retry);
        }
        assertEquals(Duration.ofSeconds(30), highest.backoff(Integer.MAX_VALUE));
    }

    @Test
    void theBackoffMayBeNoWaitAtAll() {
        RetryPolicy lowest = new RetryPolicy(new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return 0;
            }
        });

        assertEquals(Duration.ZERO, lowest.backoff(2));
    }
}
