package cloud.scaling.support;

import cloud.scaling.TimeFactory;
import cloud.scaling.shared.Ticker;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The application's ticker in tests: real elapsed time plus whatever a test moved it on by, or frozen while a test
 * holds it, so that no test sleeps through an interval.
 */
@Singleton
@Replaces(bean = Ticker.class, factory = TimeFactory.class)
public class SettableTicker implements Ticker {

    private volatile long offset;
    private volatile Long held;

    /** Moves time on by {@code elapsed}, for everything that measures intervals with this ticker. */
    public void advance(Duration elapsed) {
        if (held != null) {
            held += elapsed.toNanos();
        }
        offset += elapsed.toNanos();
    }

    /** Stops time at its current value until {@link #release()}. */
    public void hold() {
        held = nanos();
    }

    public void release() {
        held = null;
    }

    @Override
    public long nanos() {
        Long frozen = held;
        return frozen != null ? frozen : System.nanoTime() + offset;
    }
}
