package cloud.scaling.auth;

import cloud.scaling.shared.Hashing;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Resolves a presented API key to its caller, if the key exists and is not revoked: from the {@link KeyCache}
 * when it can, which needs no database and may run on the event loop, else from the database.
 */
@Singleton
public class ApiKeyAuthenticator {

    private final ApiKeyRepository keys;
    private final KeyCache cache;

    public ApiKeyAuthenticator(ApiKeyRepository keys, KeyCache cache) {
        this.keys = keys;
        this.cache = cache;
    }

    /** The cached caller of a well-formed key's hash; empty when the database has to be asked. */
    public Optional<Caller> fromCache(String keyHash) {
        return cache.find(keyHash);
    }

    /** Blocking: reads the key from the database, and caches the caller when the key is valid. */
    public Optional<Caller> fromDatabase(String keyHash) {
        long generation = cache.generation();
        // The hash locates the row; the constant-time comparison is what decides.
        Optional<Caller> caller = keys.findHolderByKeyHash(keyHash)
                .filter(key -> key.revokedAt() == null && Hashing.sameHash(key.keyHash(), keyHash))
                .map(key -> new Caller(key.orgId(), key.userId(), key.id(), Role.fromWireName(key.role())));
        caller.ifPresent(found -> cache.remember(keyHash, found, generation));
        return caller;
    }
}
