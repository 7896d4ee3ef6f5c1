package cloud.scaling.oncall;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A rotation layer as stored: {@code effectiveFrom}/{@code effectiveUntil} are the text the client sent (read
 * back verbatim), {@code effectiveFromAt}/{@code effectiveUntilAt} the instants they name.
 */
@MappedEntity("oncall_layers")
record LayerRow(
        @Id String id,
        String scheduleId,
        String name,
        int layerPosition,
        String rotationType,
        int rotationLengthDays,
        String handoffTime,
        String effectiveFrom,
        Instant effectiveFromAt,
        @Nullable String effectiveUntil,
        @Nullable Instant effectiveUntilAt,
        Instant createdAt,
        Instant updatedAt) {}
