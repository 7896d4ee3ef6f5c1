package cloud.scaling.auth;

import cloud.scaling.shared.Ticker;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which caller each recently used API key hash belongs to, so that most requests authenticate without a
 * database round trip (the benchmark showed that lookup to be a large share of a request's cost).
 *
 * <p>Revocation must still take effect at once, also when another process revokes (the admin command). So
 * every change that takes access away advances the one-row {@code auth_revision} counter in the transaction
 * that makes the change, and the server checks that counter every {@link #CHECK_INTERVAL}: when it has moved, every
 * cached caller is dropped. A cached caller is only trusted while the last successful check <em>started</em>
 * at most {@link #MAX_STALENESS} ago; when checks fail or fall behind, every request goes to the database.
 * Hence a key revoked at time t is refused by every running server from t + {@code MAX_STALENESS} on, and
 * the admin command waits that long before it reports the revocation done. In the revoking process itself
 * the cache re-checks as soon as the revoking transaction has committed.
 *
 * <p>A lookup that raced with a check (read the database before the revision moved, stored its result after
 * the cache was dropped) cannot resurrect a caller: entries carry the generation they were loaded in, and
 * only entries of the current generation count.
 */
@Singleton
public class KeyCache implements ApplicationEventListener<ServerStartupEvent> {

    static final Duration CHECK_INTERVAL = Duration.ofMillis(100);
    /** How long after a revocation's commit a running server may still accept the key. */
    public static final Duration MAX_STALENESS = Duration.ofMillis(500);
    /** Entries also expire, so that the cache only holds keys in current use. */
    private static final Duration ENTRY_LIFETIME = Duration.ofMinutes(5);
    /** Past this many keys the cache starts over rather than growing: every lookup then refills it. */
    private static final int MAX_ENTRIES = 10_000;

    private static final long NEVER_CHECKED = Long.MIN_VALUE;
    private static final Logger LOG = LoggerFactory.getLogger(KeyCache.class);

    private final AuthRevisionRepository revisions;
    private final TaskScheduler scheduler;
    private final Ticker ticker;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** Written only inside {@link #checkRevision()}, which holds the lock; read by every request. */
    private volatile long generation;
    /** {@link #NEVER_CHECKED} until the first successful check. */
    private volatile long knownRevision = NEVER_CHECKED;

    private volatile long lastCheckStartedNanos;
    private volatile boolean lastCheckFailed;
    /** Set when the application shuts down: a check that fails then (the database closes first) is no news. */
    private volatile boolean stopped;

    public KeyCache(
            AuthRevisionRepository revisions, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler, Ticker ticker) {
        this.revisions = revisions;
        this.scheduler = scheduler;
        this.ticker = ticker;
    }

    /** The caller cached for this key hash, when there is one and the cache is fresh enough to trust. */
    public Optional<Caller> find(String keyHash) {
        if (!trusted()) {
            return Optional.empty();
        }
        Entry entry = entries.get(keyHash);
        if (entry == null
                || entry.generation != generation
                || ticker.nanos() - entry.loadedNanos > ENTRY_LIFETIME.toNanos()) {
            return Optional.empty();
        }
        return Optional.of(entry.caller);
    }

    /** Call before reading a key from the database; pass the result to {@link #remember}. */
    public long generation() {
        return generation;
    }

    /** Caches a caller read from the database while the cache was at {@code loadedInGeneration}. */
    public void remember(String keyHash, Caller caller, long loadedInGeneration) {
        if (loadedInGeneration != generation) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(keyHash, new Entry(caller, loadedInGeneration, ticker.nanos()));
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        scheduler.scheduleWithFixedDelay(Duration.ZERO, CHECK_INTERVAL, this::checkRevisionQuietly);
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onKeyRevoked(KeyRevoked revoked) {
        checkRevisionQuietly();
    }

    /** Reads the revision and drops every cached caller when it moved. The scheduler and a revocation in this
     * process may call it at the same time, hence the lock. */
    synchronized void checkRevision() {
        long started = ticker.nanos();
        long revision = revisions.current();
        if (revision != knownRevision) {
            generation++;
            entries.clear();
        }
        lastCheckStartedNanos = started;
        knownRevision = revision; // last: a request that sees it set also sees the time above
    }

    private void checkRevisionQuietly() {
        try {
            checkRevision();
            if (lastCheckFailed) {
                LOG.info("API key revision checks work again: cached callers are used again");
                lastCheckFailed = false;
            }
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; this one must keep trying. Meanwhile the cache is
            // not trusted (the last successful check grows old), so requests authenticate against the database.
            if (!lastCheckFailed && !stopped) {
                LOG.warn("Cannot check the API key revision; authenticating every request against the database", e);
                lastCheckFailed = true;
            }
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
    }

    private boolean trusted() {
        return knownRevision != NEVER_CHECKED && ticker.nanos() - lastCheckStartedNanos <= MAX_STALENESS.toNanos();
    }

    /** Found by the hash of a key the caller presented, like the row it was read from. */
    private record Entry(Caller caller, long generation, long loadedNanos) {}
}
