package cloud.scaling.auth;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** What may be shown of a key after it was issued: never the key or its hash. */
@Introspected
@Serdeable
public record KeySummary(
        String id,
        String displayPrefix,
        Instant createdAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {}
