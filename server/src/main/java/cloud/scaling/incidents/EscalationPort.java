package cloud.scaling.incidents;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What incidents need from the paging side, implemented there: which policy a new incident pages through, and
 * what its escalation has done so far. An interface owned by {@code incidents}, so the paging side depends on
 * incidents and never the other way round; hence its values spell the paging side's states as stored (lower
 * case, the wire's spelling), since incidents cannot see that side's enums.
 */
public interface EscalationPort {

    /**
     * The policy a new incident pages through: {@code escalationPolicyId} when given (it must be the
     * organization's, else {@code 400 invalid_escalation_policy_id}), otherwise the policy whose first level
     * targets {@code ownerScheduleId}, otherwise none.
     */
    @Nullable
    String policyFor(String orgId, @Nullable String escalationPolicyId, @Nullable String ownerScheduleId);

    /** The incident's escalation; {@code null} when it pages through no policy. */
    @Nullable
    Escalation escalationOf(UUID incidentId);

    /** Everyone the incident has paged, oldest first, with every delivery attempt. */
    List<Paged> pagesOf(UUID incidentId);

    /**
     * Where paging through {@code policyId} stands: {@code state} is {@code paging}, {@code acknowledged},
     * {@code exhausted} or {@code stopped}; {@code level} the position paged last.
     */
    record Escalation(
            String policyId,
            String state,
            @Nullable Integer level,
            @Nullable Instant levelStartedAt,
            @Nullable Instant nextEscalationAt) {}

    /**
     * One person paged on one channel: {@code reason} is {@code escalation} or {@code handoff}, {@code status}
     * {@code pending}, {@code delivered} or {@code failed}.
     */
    record Paged(
            String id,
            String userId,
            String channel,
            String reason,
            @Nullable Integer level,
            Instant pagedAt,
            String status,
            List<Attempt> attempts) {}

    /** One try to deliver a page: {@code result} is {@code delivered} or {@code failed} (then {@code error} says why). */
    record Attempt(
            Instant attemptedAt, String result, @Nullable String error) {}
}
