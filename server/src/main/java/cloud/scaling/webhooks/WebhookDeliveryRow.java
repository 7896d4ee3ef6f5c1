package cloud.scaling.webhooks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One event for one endpoint (the outbox row): {@code payload} is the exact body every attempt sends, {@code
 * failures} the failed attempts since it was last queued, {@code nextAttemptAt} null once it is settled.
 */
@MappedEntity("webhook_deliveries")
record WebhookDeliveryRow(
        @Id String id,
        String endpointId,
        String eventType,
        String payload,
        String status,
        int failures,
        @Nullable Instant nextAttemptAt,
        Instant createdAt) {

    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";
}
