package cloud.scaling.audit;

import java.time.Instant;
import java.util.UUID;

/** One event of an incident's audit trail as the domain reads it back. */
public record AuditEntry(UUID id, AuditType type, String actorId, Instant occurredAt, AuditDetails details) {}
