package cloud.scaling;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The one clock of the application, so that tests can replace it instead of sleeping. */
@Factory
public class TimeFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
