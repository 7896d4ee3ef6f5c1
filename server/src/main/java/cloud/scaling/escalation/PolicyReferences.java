package cloud.scaling.escalation;

import cloud.scaling.oncall.ScheduleDeleting;
import cloud.scaling.orgs.MemberRemoved;
import cloud.scaling.shared.Refusal;
import cloud.scaling.workinghours.WorkingHoursDeleting;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What policies do when something they point at goes away, inside the transaction that removes it: a schedule
 * or working hours still used by a level cannot be deleted (the error names the policy); a removed member leaves
 * the users targets that named them, and each such removal is recorded.
 */
@Singleton
class PolicyReferences {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyReferences.class);

    private final EscalationPolicyRepository policies;
    private final EscalationStepRepository steps;
    private final TargetRemovalRepository removals;
    private final EscalationPolicyService service;

    PolicyReferences(
            EscalationPolicyRepository policies,
            EscalationStepRepository steps,
            TargetRemovalRepository removals,
            EscalationPolicyService service) {
        this.policies = policies;
        this.steps = steps;
        this.removals = removals;
        this.service = service;
    }

    @EventListener
    void onScheduleDeleting(ScheduleDeleting event) {
        refuseIfUsed(
                steps.targeting(event.orgId(), event.scheduleId()),
                "schedule_in_use",
                "Schedule " + event.scheduleId() + " is the target of a layer");
    }

    @EventListener
    void onWorkingHoursDeleting(WorkingHoursDeleting event) {
        refuseIfUsed(
                steps.conditionedOn(event.workingHoursId()),
                "working_hours_in_use",
                "Working hours " + event.workingHoursId() + " are the condition of a step");
    }

    @EventListener
    void onMemberRemoved(MemberRemoved event) {
        String quoted = "\"" + event.userId() + "\"";
        for (EscalationStepRow step : steps.usersTargetsLike(event.orgId(), "%" + quoted + "%")) {
            List<String> ids = new ArrayList<>(service.userIds(step));
            if (!ids.remove(event.userId())) {
                continue;
            }
            steps.update(new EscalationStepRow(
                    step.id(),
                    step.policyId(),
                    step.orgId(),
                    step.position(),
                    step.targetType(),
                    step.scheduleId(),
                    service.idsJson(ids),
                    step.escalateAfterSeconds(),
                    step.conditionWorkingHoursId(),
                    step.conditionWhen(),
                    step.createdAt(),
                    event.at()));
            removals.save(new TargetRemovalRow(
                    UUID.randomUUID(), step.policyId(), step.id(), event.userId(), event.removedBy(), event.at()));
            LOG.info(
                    "Removed member {} from layer {} of escalation policy {}",
                    event.userId(),
                    step.id(),
                    step.policyId());
        }
    }

    private void refuseIfUsed(List<EscalationStepRow> users, String code, String what) {
        if (users.isEmpty()) {
            return;
        }
        EscalationStepRow first = users.get(0);
        String policy = policies.findById(first.policyId())
                .map(row -> row.name() + " (" + row.id() + ")")
                .orElse(first.policyId());
        throw Refusal.conflict(
                code,
                what + " of the escalation policy " + policy + " (position " + first.position()
                        + "); change or remove that level first.");
    }
}
