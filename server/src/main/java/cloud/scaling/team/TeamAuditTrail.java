package cloud.scaling.team;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Records, in the transaction of the change, who changed the team and how. */
@Singleton
class TeamAuditTrail {

    private final TeamEventRepository events;
    private final JsonMapper json;

    TeamAuditTrail(TeamEventRepository events, JsonMapper json) {
        this.events = events;
        this.json = json;
    }

    void record(
            String orgId, TeamEvent type, String actorId, String subjectId, Instant at, Map<String, String> details) {
        try {
            events.save(new TeamEventRow(
                    UUID.randomUUID(),
                    orgId,
                    type.wireName(),
                    actorId,
                    subjectId,
                    at,
                    json.writeValueAsString(details)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
