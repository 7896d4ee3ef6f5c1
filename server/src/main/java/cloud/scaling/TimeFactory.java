package cloud.scaling;

import cloud.scaling.shared.Ticker;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * The one clock of the application (and its ticker for intervals), so that tests can replace it instead of sleeping. It ticks in whole
 * milliseconds, the precision the API shows: what is stored, sorted and paged on is exactly what clients read.
 */
@Factory
public class TimeFactory {

    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    @Singleton
    Ticker ticker() {
        return System::nanoTime;
    }
}
