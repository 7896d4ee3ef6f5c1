package cloud.scaling.pager;

import cloud.scaling.escalation.EscalationPolicyService;
import cloud.scaling.incidents.EscalationPort;
import cloud.scaling.shared.Refusal;
import cloud.scaling.shared.TransactionMemo;
import cloud.scaling.shared.WireEnum;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The paging side as incidents see it ({@link EscalationPort}): which policy a new incident uses, and what it did. */
@Singleton
class EscalationPortAdapter implements EscalationPort {

    private final EscalationPolicyService policies;
    private final EscalationRepository escalations;
    private final PageRepository pages;
    private final PageAttemptRepository attempts;
    private final TransactionMemo memo;

    EscalationPortAdapter(
            EscalationPolicyService policies,
            EscalationRepository escalations,
            PageRepository pages,
            PageAttemptRepository attempts,
            TransactionMemo memo) {
        this.policies = policies;
        this.escalations = escalations;
        this.pages = pages;
        this.attempts = attempts;
        this.memo = memo;
    }

    @Override
    public @Nullable String policyFor(
            String orgId, @Nullable String escalationPolicyId, @Nullable String ownerScheduleId) {
        if (escalationPolicyId != null) {
            // Once per transaction: a storm's batch opens a hundred incidents on one policy.
            if (!memo.once(
                    new PolicyExists(orgId, escalationPolicyId), () -> policies.exists(orgId, escalationPolicyId))) {
                throw Refusal.badRequest(
                        "invalid_escalation_policy_id",
                        "escalationPolicyId " + escalationPolicyId
                                + " is not an escalation policy of this organization.");
            }
            return escalationPolicyId;
        }
        return ownerScheduleId == null
                ? null
                : policies.firstLevelTargeting(orgId, ownerScheduleId).orElse(null);
    }

    @Override
    public @Nullable Escalation escalationOf(UUID incidentId) {
        return escalations
                .findById(incidentId)
                .map(row -> new Escalation(
                        row.policyId(),
                        WireEnum.wire(row.state()),
                        row.level(),
                        row.levelStartedAt(),
                        row.nextEscalationAt()))
                .orElse(null);
    }

    @Override
    public List<Paged> pagesOf(UUID incidentId) {
        List<PageRow> rows = pages.ofIncident(incidentId);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<Attempt>> tries = attempts
                .ofPages(rows.stream().map(PageRow::id).toList())
                .stream()
                .collect(Collectors.groupingBy(
                        PageAttemptRow::pageId,
                        Collectors.mapping(
                                attempt -> new Attempt(attempt.attemptedAt(), attempt.result(), attempt.error()),
                                Collectors.toList())));
        return rows.stream()
                .map(row -> new Paged(
                        row.id(),
                        row.userId(),
                        row.channel(),
                        WireEnum.wire(row.reason()),
                        row.level(),
                        row.pagedAt(),
                        WireEnum.wire(row.status()),
                        tries.getOrDefault(row.id(), List.of())))
                .toList();
    }

    private record PolicyExists(String orgId, String policyId) {}
}
