package cloud.scaling.workinghours;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A working-hours set as stored; {@code windows} is the JSON array of windows exactly as the client sent it. */
@MappedEntity("working_hours")
public record WorkingHoursRow(
        @Id String id,
        String orgId,
        String name,
        String timezone,
        String windows,
        Instant createdAt,
        Instant updatedAt) {}
