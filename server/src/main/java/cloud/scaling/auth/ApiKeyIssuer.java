package cloud.scaling.auth;

import cloud.scaling.shared.Hashing;
import cloud.scaling.shared.RandomIds;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Issues, lists and revokes API keys. Every revocation advances the auth revision in its own transaction, so that
 * every running server drops its cached callers (see {@link KeyCache}), and announces itself so that this
 * process re-checks as soon as that transaction has committed.
 */
@Singleton
public class ApiKeyIssuer {

    private final ApiKeyRepository keys;
    private final AuthRevisionRepository authRevision;
    private final ApplicationEventPublisher<KeyRevoked> revocations;
    private final Clock clock;

    ApiKeyIssuer(
            ApiKeyRepository keys,
            AuthRevisionRepository authRevision,
            ApplicationEventPublisher<KeyRevoked> revocations,
            Clock clock) {
        this.keys = keys;
        this.authRevision = authRevision;
        this.revocations = revocations;
        this.clock = clock;
    }

    /** A new key for the user ({@code presetKey} when given, else a fresh one); stored only as its hash. */
    @Transactional
    public IssuedKey issue(String orgId, String userId, @Nullable String presetKey) {
        String key = presetKey == null ? ApiKeys.generate() : presetKey;
        if (!ApiKeys.isWellFormed(key)) {
            throw new IllegalArgumentException("An API key must be scl_live_ followed by 32 base62 characters");
        }
        Instant now = clock.instant();
        ApiKeyRow saved = keys.save(new ApiKeyRow(
                RandomIds.prefixed("key"),
                orgId,
                userId,
                Hashing.sha256Hex(key),
                ApiKeys.displayPrefix(key),
                now,
                null));
        return new IssuedKey(saved.id(), userId, saved.displayPrefix(), now, key);
    }

    /** Revokes one key; false when it was already revoked. */
    @Transactional
    public boolean revoke(String keyId) {
        if (keys.revoke(keyId, clock.instant()) == 0) {
            return false;
        }
        announce(keyId);
        return true;
    }

    /**
     * Revokes the one active key with this display prefix; returns how many active keys have it (none is revoked
     * when several do: the prefix does not say which).
     */
    @Transactional
    public int revokeByPrefix(String displayPrefix) {
        List<ApiKeyRow> matches = keys.findByDisplayPrefixAndRevokedAtIsNull(displayPrefix);
        if (matches.size() == 1) {
            revoke(matches.get(0).id());
        }
        return matches.size();
    }

    /** The user's keys, revoked ones included, oldest first, without the keys themselves. */
    public List<KeySummary> keysOf(String userId) {
        return keys.summariesOf(userId);
    }

    /** The display prefix of the user's key with this id, revoked or not; empty when the user has no such key. */
    public Optional<String> displayPrefixOf(String keyId, String userId) {
        return keys.findByIdAndUserId(keyId, userId).map(ApiKeyRow::displayPrefix);
    }

    /** Revokes every active key of the user, as removing them from their organization does. */
    @Transactional
    public void revokeAllOf(String userId) {
        if (keys.revokeAllOf(userId, clock.instant()) > 0) {
            announce(null);
        }
    }

    /**
     * Makes every server re-read its callers: for a change that takes access away without revoking a key (a
     * demotion). Call inside the transaction that makes the change.
     */
    @Transactional
    public void accessChanged() {
        announce(null);
    }

    private void announce(@Nullable String keyId) {
        authRevision.advance();
        revocations.publishEvent(new KeyRevoked(keyId));
    }
}
