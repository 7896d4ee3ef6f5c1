package cloud.scaling.incidents;

import cloud.scaling.api.model.Incident;
import cloud.scaling.api.model.IncidentStatus;
import cloud.scaling.api.model.Severity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** From the stored row to the spec's {@code Incident}. */
final class IncidentMapper {

    private IncidentMapper() {
    }

    static Incident toApi(IncidentRow row) {
        return new Incident(row.id(), row.orgId(), row.title(), row.description(), Severity.fromValue(row.severity()),
                IncidentStatus.fromValue(row.status()), row.ownerId(), row.escalationPolicyId(), row.createdBy(),
                List.of(), utc(row.createdAt()), utc(row.updatedAt()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
