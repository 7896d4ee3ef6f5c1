package cloud.scaling.incidents;

import cloud.scaling.shared.Severity;
import io.micronaut.core.annotation.Nullable;
import java.util.UUID;

/** What other features show of an incident (a page, for one): its words and state, not its history. */
public record IncidentSummary(
        UUID id,
        String orgId,
        String title,
        @Nullable String description,
        Severity severity,
        IncidentStatus status,
        @Nullable String escalationPolicyId) {

    static IncidentSummary of(IncidentRow row) {
        return new IncidentSummary(
                row.id(),
                row.orgId(),
                row.title(),
                row.description(),
                row.severity(),
                row.status(),
                row.escalationPolicyId());
    }
}
