package cloud.scaling.auth;

import cloud.scaling.orgs.Role;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Resolves a presented API key to its caller, if the key exists and is not revoked. */
@Singleton
public class ApiKeyAuthenticator {

    private final ApiKeyRepository keys;

    public ApiKeyAuthenticator(ApiKeyRepository keys) {
        this.keys = keys;
    }

    public Optional<Caller> authenticate(String presentedKey) {
        if (!ApiKeys.isWellFormed(presentedKey)) {
            return Optional.empty();
        }
        String hash = ApiKeys.sha256Hex(presentedKey);
        // The hash locates the row; the constant-time comparison is what decides.
        return keys.findHolderByKeyHash(hash)
                .filter(key -> key.revokedAt() == null && ApiKeys.sameHash(key.keyHash(), hash))
                .map(key -> new Caller(key.orgId(), key.userId(), key.id(), Role.fromWireName(key.role())));
    }
}
