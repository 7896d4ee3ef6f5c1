package cloud.scaling.support;

import cloud.scaling.TimeFactory;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The application's clock in tests: the real time in whole milliseconds, like the real clock, unless a test pins
 * it, so no test needs to sleep.
 */
@Singleton
@Replaces(bean = Clock.class, factory = TimeFactory.class)
public class SettableClock extends Clock {

    private volatile Instant pinned;

    public void pin(Instant instant) {
        this.pinned = instant;
    }

    public void release() {
        this.pinned = null;
    }

    @Override
    public Instant instant() {
        Instant now = pinned;
        return now == null ? Instant.now().truncatedTo(ChronoUnit.MILLIS) : now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The application works in UTC");
    }
}
