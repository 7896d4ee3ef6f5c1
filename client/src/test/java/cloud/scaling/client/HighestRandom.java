package cloud.scaling.client;

import java.util.random.RandomGenerator;

/** A "random" source that always draws the highest allowed value, so backoff ceilings become observable. */
final class HighestRandom implements RandomGenerator {

    @Override
    public long nextLong() {
        return Long.MAX_VALUE;
    }

    @Override
    public long nextLong(long bound) {
        return bound - 1;
    }
}
