package cloud.scaling.client;

import java.time.Duration;

/** Waits between retries; replaceable so that tests of the retry policy need not wait at all. */
@FunctionalInterface
interface Sleeper {

    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
