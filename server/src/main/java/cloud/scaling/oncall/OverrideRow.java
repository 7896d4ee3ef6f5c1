package cloud.scaling.oncall;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An override as stored. */
@MappedEntity("oncall_overrides")
record OverrideRow(
        @Id String id,
        String scheduleId,
        String userId,
        Instant startsAt,
        Instant endsAt,
        String createdBy,
        Instant createdAt) {}
