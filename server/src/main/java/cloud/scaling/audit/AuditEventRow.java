package cloud.scaling.audit;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.UUID;

/** One audit event; {@code details} is an {@link AuditDetails} as JSON. */
@MappedEntity("incident_events")
record AuditEventRow(
        @Id UUID id,
        UUID incidentId,
        @MappedProperty(converter = AuditType.Column.class) AuditType type,
        String actorId,
        Instant occurredAt,
        String details) {}
