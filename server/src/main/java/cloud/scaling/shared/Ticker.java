package cloud.scaling.shared;

/**
 * Elapsed time, for intervals that must not jump when the wall clock does (how fresh a cache is). The application
 * uses {@link System#nanoTime()}; tests replace it, as they replace the clock, instead of sleeping.
 */
@FunctionalInterface
public interface Ticker {

    /** Nanoseconds since an arbitrary origin; only differences mean anything. */
    long nanos();
}
