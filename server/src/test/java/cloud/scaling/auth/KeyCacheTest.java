package cloud.scaling.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.shared.Hashing;
import cloud.scaling.support.SettableTicker;
import cloud.scaling.support.TestServer;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The cache's own rules, on a cache that is never scheduled, so that each check happens exactly when the test
 * says: trust only after a recent check, forget everything when the revision moves, and never keep a caller
 * that was read before a move.
 */
class KeyCacheTest {

    private static final String HASH = Hashing.sha256Hex(ApiKeys.generate());
    private static final Caller CALLER = new Caller("org_test", "user_test", "key_test", Role.MEMBER);

    private final TestServer server = TestServer.shared();
    private final SettableTicker ticker = new SettableTicker();
    private final KeyCache cache = new KeyCache(
            server.context().getBean(AuthRevisionRepository.class),
            server.context().getBean(TaskScheduler.class, Qualifiers.byName(TaskExecutors.SCHEDULED)),
            ticker);

    @Test
    void nothingIsTrustedBeforeTheFirstCheck() {
        cache.remember(HASH, CALLER, cache.generation());
        assertEquals(Optional.empty(), cache.find(HASH));

        cache.checkRevision();
        cache.remember(HASH, CALLER, cache.generation());
        assertEquals(Optional.of(CALLER), cache.find(HASH));
    }

    @Test
    void aCacheWhoseLastCheckIsOlderThanTheStalenessBoundIsNotTrusted() {
        ticker.hold();
        cache.checkRevision();
        cache.remember(HASH, CALLER, cache.generation());
        assertEquals(Optional.of(CALLER), cache.find(HASH));

        ticker.advance(KeyCache.MAX_STALENESS);
        assertEquals(Optional.of(CALLER), cache.find(HASH), "exactly at the bound it is still trusted");
        ticker.advance(Duration.ofNanos(1));
        assertEquals(Optional.empty(), cache.find(HASH), "checks stopped (failing database): ask the database");

        cache.checkRevision();
        assertEquals(Optional.of(CALLER), cache.find(HASH), "the revision did not move: the entry is still good");
    }

    @Test
    void aMovedRevisionDropsEveryCallerAndOneReadBeforeTheMoveIsNotKept() {
        cache.checkRevision();
        cache.remember(HASH, CALLER, cache.generation());
        long readBeforeTheMove = cache.generation();

        server.update("UPDATE auth_revision SET revision = revision + 1 WHERE id = 1");
        cache.checkRevision();
        assertEquals(Optional.empty(), cache.find(HASH));

        cache.remember(HASH, CALLER, readBeforeTheMove);
        assertEquals(Optional.empty(), cache.find(HASH), "a lookup that raced with the move must not count");
        cache.remember(HASH, CALLER, cache.generation());
        assertTrue(cache.find(HASH).isPresent());
    }
}
