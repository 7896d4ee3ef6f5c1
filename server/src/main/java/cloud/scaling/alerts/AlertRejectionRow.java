package cloud.scaling.alerts;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;

/** An alert of a notification that could not be used at all, as recorded: why, and what was sent. */
@MappedEntity("alert_rejections")
record AlertRejectionRow(
        @Id String id,
        String orgId,
        String integrationId,
        String source,
        @MappedProperty("alert_index") int index,
        String code,
        String message,
        String excerpt,
        Instant receivedAt) {}
