package cloud.scaling.audit;

import static cloud.scaling.web.WireTime.utc;

import cloud.scaling.api.model.AuditEvent;
import cloud.scaling.api.model.AuditEventDetails;
import cloud.scaling.api.model.AuditEventType;
import cloud.scaling.api.model.IncidentStatus;
import cloud.scaling.shared.WireEnum;

/** The audit trail on the wire: our stored entries mapped to the spec's model, at the edge only. */
public final class AuditWire {

    private AuditWire() {}

    public static AuditEvent toApi(AuditEntry entry) {
        AuditDetails stored = entry.details();
        AuditEventDetails details = new AuditEventDetails()
                .previousStatus(
                        stored.previousStatus() == null ? null : IncidentStatus.fromValue(stored.previousStatus()))
                .status(stored.status() == null ? null : IncidentStatus.fromValue(stored.status()))
                .updateId(stored.updateId())
                .previousOwnerId(stored.previousOwnerId())
                .ownerId(stored.ownerId())
                .componentIds(stored.componentIds())
                .channel(stored.channel());
        return new AuditEvent(
                entry.id(),
                WireEnum.translate(entry.type(), AuditEventType.class),
                entry.actorId(),
                utc(entry.occurredAt()),
                details);
    }
}
