package cloud.scaling.pager;

import static cloud.scaling.web.WireTime.utc;

import cloud.scaling.api.model.EscalationState;
import cloud.scaling.api.model.IncidentEscalation;
import cloud.scaling.api.model.Page;
import cloud.scaling.api.model.PageAttempt;
import cloud.scaling.api.model.PageReason;
import cloud.scaling.api.model.PageStatus;
import cloud.scaling.escalation.EscalationPolicyService;
import cloud.scaling.incidents.EscalationPort;
import cloud.scaling.shared.Refusal;
import cloud.scaling.shared.WireEnum;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The paging side as incidents see it: which policy a new incident uses, and the wire view of what it did. */
@Singleton
public class PagerViews implements EscalationPort {

    private final EscalationPolicyService policies;
    private final EscalationRepository escalations;
    private final PageRepository pages;
    private final PageAttemptRepository attempts;

    public PagerViews(
            EscalationPolicyService policies,
            EscalationRepository escalations,
            PageRepository pages,
            PageAttemptRepository attempts) {
        this.policies = policies;
        this.escalations = escalations;
        this.pages = pages;
        this.attempts = attempts;
    }

    @Override
    public @Nullable String policyFor(
            String orgId, @Nullable String escalationPolicyId, @Nullable String ownerScheduleId) {
        if (escalationPolicyId != null) {
            if (!policies.exists(orgId, escalationPolicyId)) {
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
    public @Nullable IncidentEscalation escalationOf(UUID incidentId) {
        return escalations
                .findById(incidentId)
                .map(row -> new IncidentEscalation(
                        row.policyId(),
                        EscalationState.fromValue(WireEnum.wire(row.state())),
                        row.level(),
                        utc(row.levelStartedAt()),
                        utc(row.nextEscalationAt())))
                .orElse(null);
    }

    @Override
    public List<Page> pagesOf(UUID incidentId) {
        List<PageRow> rows = pages.ofIncident(incidentId);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<PageAttempt>> tries = attempts
                .ofPages(rows.stream().map(PageRow::id).toList())
                .stream()
                .collect(Collectors.groupingBy(
                        PageAttemptRow::pageId,
                        Collectors.mapping(
                                attempt -> new PageAttempt(
                                        utc(attempt.attemptedAt()),
                                        cloud.scaling.api.model.PageAttemptResult.fromValue(attempt.result()),
                                        attempt.error()),
                                Collectors.toList())));
        return rows.stream()
                .map(row -> new Page(
                        row.id(),
                        row.userId(),
                        row.channel(),
                        PageReason.fromValue(WireEnum.wire(row.reason())),
                        row.level(),
                        utc(row.pagedAt()),
                        PageStatus.fromValue(WireEnum.wire(row.status())),
                        tries.getOrDefault(row.id(), List.of())))
                .toList();
    }
}
