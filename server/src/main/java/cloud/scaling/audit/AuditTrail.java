package cloud.scaling.audit;

import cloud.scaling.auth.Caller;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
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

    /** Records a change {@code caller} made, with the channel it came through when not the API. */
    public void record(UUID incidentId, AuditType type, Caller caller, Instant at, AuditDetails details) {
        record(incidentId, type, caller.userId(), at, details.through(caller.channel()));
    }

    public void record(UUID incidentId, AuditType type, String actorId, Instant at, AuditDetails details) {
        try {
            events.save(new AuditEventRow(
                    UUID.randomUUID(), incidentId, type, actorId, at, json.writeValueAsString(details)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<AuditEntry> of(UUID incidentId) {
        return events.trailOf(incidentId).stream().map(this::entry).toList();
    }

    private AuditEntry entry(AuditEventRow row) {
        try {
            return new AuditEntry(
                    row.id(),
                    row.type(),
                    row.actorId(),
                    row.occurredAt(),
                    json.readValue(row.details(), AuditDetails.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
