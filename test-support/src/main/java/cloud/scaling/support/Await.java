package cloud.scaling.support;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits, bounded, for work another thread or process does on its own time (a running scheduler, a server
 * process, whose clock a test cannot pin): checks the condition every 20 ms and fails after the patience.
 */
public final class Await {

    private Await() {}

    public static void until(String what, Duration patience, BooleanSupplier done) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                // What every thread of this JVM was doing: a stalled scheduler shows where it waits.
                Thread.getAllStackTraces().forEach((thread, stack) -> {
                    StringBuilder dump = new StringBuilder("\"" + thread.getName() + "\" " + thread.getState());
                    for (StackTraceElement frame : stack) {
                        dump.append("\n    at ").append(frame);
                    }
                    System.err.println(dump);
                });
                throw new AssertionError("Not within " + patience + ": " + what + " (thread dump on stderr)");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
