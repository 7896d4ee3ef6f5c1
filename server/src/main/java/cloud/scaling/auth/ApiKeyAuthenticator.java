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
    private final KeyUsage usage;

    ApiKeyAuthenticator(ApiKeyRepository keys, KeyCache cache, KeyUsage usage) {
        this.keys = keys;
        this.cache = cache;
        this.usage = usage;
    }

    /** The cached caller of a well-formed key's hash; empty when the database has to be asked. */
    public Optional<Caller> fromCache(String keyHash) {
        Optional<Caller> caller = cache.find(keyHash);
        caller.ifPresent(found -> usage.used(found.apiKeyId()));
        return caller;
    }

    /** Blocking: reads the key from the database, and caches the caller when the key is valid. */
    public Optional<Caller> fromDatabase(String keyHash) {
        long generation = cache.generation();
        // The hash locates the row; the constant-time comparison is what decides.
        Optional<Caller> caller = keys.findHolderByKeyHash(keyHash)
                .filter(key -> key.revokedAt() == null && Hashing.sameHash(key.keyHash(), keyHash))
                .map(key -> new Caller(key.orgId(), key.userId(), key.id(), Role.fromWireName(key.role())));
        caller.ifPresent(found -> {
            cache.remember(keyHash, found, generation);
            usage.used(found.apiKeyId());
        });
        return caller;
    }
}
