package cloud.scaling.audit;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** One audit event; {@code details} is an {@link AuditDetails} as JSON. */
@MappedEntity("incident_events")
public record AuditEventRow(
        @Id UUID id, UUID incidentId, String type, String actorId, Instant occurredAt, String details) {}
