package cloud.scaling.webhooks;

import java.util.Arrays;
import java.util.Optional;

/** The events an endpoint can subscribe to; {@code value} is the type name sent in the payload. */
public enum EventType {
    INCIDENT_CREATED("incident.created"),
    INCIDENT_STATUS_CHANGED("incident.status_changed"),
    INCIDENT_ACKNOWLEDGED("incident.acknowledged"),
    INCIDENT_HANDED_OFF("incident.handed_off"),
    INCIDENT_UPDATE_POSTED("incident.update_posted"),
    INCIDENT_ESCALATED("incident.escalated"),
    INCIDENT_PAGED("incident.paged");

    private final String value;

    EventType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<EventType> of(String value) {
        return Arrays.stream(values()).filter(type -> type.value.equals(value)).findFirst();
    }
}
