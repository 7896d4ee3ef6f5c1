package cloud.scaling.audit;

import cloud.scaling.shared.WireEnum;
import jakarta.inject.Singleton;

/** What happened to an incident, as its audit trail records it (stored in the wire spelling). */
public enum AuditType {
    INCIDENT_CREATED,
    STATUS_CHANGED,
    UPDATE_POSTED,
    UPDATE_REDACTED,
    INCIDENT_ACKNOWLEDGED,
    INCIDENT_HANDED_OFF,
    COMPONENTS_CHANGED;

    @Singleton
    static class Column extends WireEnum<AuditType> {
        Column() {
            super(AuditType.class);
        }
    }
}
