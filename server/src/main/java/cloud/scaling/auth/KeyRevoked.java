package cloud.scaling.auth;

import io.micronaut.core.annotation.Nullable;

/**
 * Published inside a transaction that took access away: revoked a key ({@code keyId}), or several, or
 * changed a role ({@code keyId} null). {@link KeyCache} reacts once it has committed.
 */
public record KeyRevoked(@Nullable String keyId) {}
