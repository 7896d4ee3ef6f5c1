package cloud.scaling.auth;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When each API key was last used, kept cheaply: authentication (on the event loop, mostly without a
 * database) only notes the time in memory, at most once per {@link #RESOLUTION} per key, and a scheduled task
 * writes the noted times in the background. So {@code last_used_at} is at most a minute (plus one flush
 * interval) behind, and a busy key costs one UPDATE a minute per server, not one per request. Times noted
 * but not yet written when the server stops are lost; the next use notes them again.
 */
@Singleton
public class KeyUsage implements ApplicationEventListener<ServerStartupEvent> {

    static final Duration RESOLUTION = Duration.ofMinutes(1);
    private static final Duration FLUSH_INTERVAL = Duration.ofSeconds(10);
    /** Past this many keys the memory of what was noted starts over; the worst case is an early extra write. */
    private static final int MAX_REMEMBERED = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(KeyUsage.class);

    private final ApiKeyRepository keys;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final Map<String, Instant> lastNoted = new ConcurrentHashMap<>();
    private final Map<String, Instant> unwritten = new ConcurrentHashMap<>();

    KeyUsage(ApiKeyRepository keys, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler, Clock clock) {
        this.keys = keys;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Notes that the key was used now. Cheap and non-blocking: safe on the event loop. */
    public void used(String keyId) {
        Instant now = clock.instant();
        Instant noted = lastNoted.get(keyId);
        if (noted != null && now.isBefore(noted.plus(RESOLUTION))) {
            return;
        }
        if (lastNoted.size() >= MAX_REMEMBERED) {
            lastNoted.clear();
        }
        lastNoted.put(keyId, now);
        unwritten.put(keyId, now);
    }

    /** Blocking: writes every noted time. Runs on the scheduler; tests call it to avoid waiting. */
    public void flush() {
        for (String keyId : unwritten.keySet()) {
            Instant at = unwritten.remove(keyId);
            if (at != null) {
                keys.recordUse(keyId, at);
            }
        }
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        scheduler.scheduleWithFixedDelay(FLUSH_INTERVAL, FLUSH_INTERVAL, this::flushQuietly);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // A scheduled task that throws never runs again; a lost "last used" time is not worth that.
            LOG.warn("Could not record when API keys were last used", e);
        }
    }
}
