package cloud.scaling.incidents;

import cloud.scaling.api.model.IncidentEscalation;
import cloud.scaling.api.model.Page;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.UUID;

/**
 * What incidents need from the paging side, implemented there: which policy a new incident pages through, and
 * what its escalation has done so far. An interface owned by {@code incidents}, so the paging side depends on
 * incidents and never the other way round.
 */
public interface EscalationPort {

    /**
     * The policy a new incident pages through: {@code escalationPolicyId} when given (it must be the
     * organization's, else {@code 400 invalid_escalation_policy_id}), otherwise the policy whose first level
     * targets {@code ownerScheduleId}, otherwise none.
     */
    @Nullable
    String policyFor(String orgId, @Nullable String escalationPolicyId, @Nullable String ownerScheduleId);

    /** The incident's escalation as shown on the wire; {@code null} when it pages through no policy. */
    @Nullable
    IncidentEscalation escalationOf(UUID incidentId);

    /** Everyone the incident has paged, oldest first, with every delivery attempt. */
    List<Page> pagesOf(UUID incidentId);
}
