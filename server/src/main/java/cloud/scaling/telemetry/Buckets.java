package cloud.scaling.telemetry;

import java.time.Duration;

/** Histogram buckets of the paging path's delays, shared so that one alert rule reads them all alike. */
public final class Buckets {

    /**
     * From a tenth of a second (a page handed over at once) to half an hour (one stuck behind every retry): a page
     * later than a minute is one an on-call engineer notices, so the buckets are densest around it.
     */
    public static final Duration[] DELAYS = {
        Duration.ofMillis(100),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        Duration.ofSeconds(15),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        Duration.ofMinutes(2),
        Duration.ofMinutes(5),
        Duration.ofMinutes(10),
        Duration.ofMinutes(30)
    };

    private Buckets() {}
}
