package cloud.scaling.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records the waits the retry policy asks for instead of waiting, so retry tests take milliseconds. */
final class RecordingSleeper implements Sleeper {

    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
