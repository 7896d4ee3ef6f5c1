package cloud.scaling.oncall;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An on-call schedule as stored. */
@MappedEntity("oncall_schedules")
record ScheduleRow(
        @Id String id,
        String orgId,
        String name,
        @Nullable String description,
        String timezone,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {}
