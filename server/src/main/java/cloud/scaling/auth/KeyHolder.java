package cloud.scaling.auth;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A stored key together with the role of the user it belongs to: what authentication needs, in one read. */
@Introspected
public record KeyHolder(
        String id,
        String orgId,
        String userId,
        String keyHash,
        @Nullable Instant revokedAt,
        String role) {}
