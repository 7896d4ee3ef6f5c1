package cloud.scaling.webhooks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** One attempt to send a delivery: the receiver's status, or why there was none. */
@MappedEntity("webhook_attempts")
record WebhookAttemptRow(
        @Id UUID id,
        String deliveryId,
        Instant attemptedAt,
        @Nullable Integer responseStatus,
        @Nullable String error,
        long durationMs) {}
