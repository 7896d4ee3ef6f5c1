package cloud.scaling.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A stored API key. The key itself is never stored: only its SHA-256 hash (hex) and a short display prefix
 * by which an operator can name it, e.g. to revoke it.
 */
@MappedEntity("api_keys")
record ApiKeyRow(
        @Id String id,
        String orgId,
        String userId,
        String keyHash,
        String displayPrefix,
        Instant createdAt,
        @Nullable Instant revokedAt) {}
