package cloud.scaling.team;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** One entry of the team's audit trail: who ({@code actorId}) did what ({@code type}) to whom or what. */
@MappedEntity("team_events")
record TeamEventRow(
        @Id UUID id, String orgId, String type, String actorId, String subjectId, Instant occurredAt, String details) {}
