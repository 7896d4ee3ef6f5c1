package cloud.scaling.audit;

import cloud.scaling.api.model.AuditEvent;
import cloud.scaling.api.model.AuditEventDetails;
import cloud.scaling.api.model.AuditEventType;
import cloud.scaling.shared.WireEnum;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Records what happened to an incident, who did it and when, and reads it back in order. */
@Singleton
public class AuditTrail {

    private final AuditEventRepository events;
    private final JsonMapper json;

    public AuditTrail(AuditEventRepository events, JsonMapper json) {
        this.events = events;
        this.json = json;
    }

    public void record(UUID incidentId, AuditType type, String actorId, Instant at, AuditEventDetails details) {
        try {
            events.save(new AuditEventRow(
                    UUID.randomUUID(), incidentId, type, actorId, at, json.writeValueAsString(details)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<AuditEvent> of(UUID incidentId) {
        return events.trailOf(incidentId).stream().map(this::toApi).toList();
    }

    private AuditEvent toApi(AuditEventRow row) {
        try {
            return new AuditEvent(
                    row.id(),
                    WireEnum.translate(row.type(), AuditEventType.class),
                    row.actorId(),
                    row.occurredAt().atOffset(ZoneOffset.UTC),
                    json.readValue(row.details(), AuditEventDetails.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
