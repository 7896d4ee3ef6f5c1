package cloud.scaling.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A claimed idempotency key. {@code statusCode} is null while the first request runs; once it succeeded, the
 * row holds its status and JSON body for replays.
 */
@MappedEntity("idempotency_keys")
record IdempotencyRecordRow(
        @Id String id,
        String fingerprint,
        Instant createdAt,
        @Nullable Integer statusCode,
        @Nullable String responseBody) {

    boolean isComplete() {
        return statusCode != null;
    }
}
