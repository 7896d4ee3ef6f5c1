package cloud.scaling.escalation;

import cloud.scaling.auth.Caller;
import cloud.scaling.shared.RandomIds;
import cloud.scaling.shared.Refusal;
import cloud.scaling.web.NameConflict;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Escalation policies and their levels, in both wire models over one storage. Every change to a policy's levels
 * takes the policy's row lock and rewrites its levels in one transaction, so positions stay dense and 1-based.
 */
@Singleton
public class EscalationPolicyService {

    private static final String WHAT = "escalation policy";
    private static final String UNIQUE_NAME = "escalation_policies_name_unique_in_org";

    private static final Argument<List<String>> IDS = Argument.listOf(String.class);

    private final EscalationPolicyRepository policies;
    private final EscalationStepRepository steps;
    private final TargetRules rules;
    private final JsonMapper json;
    private final Clock clock;

    EscalationPolicyService(
            EscalationPolicyRepository policies,
            EscalationStepRepository steps,
            TargetRules rules,
            JsonMapper json,
            Clock clock) {
        this.policies = policies;
        this.steps = steps;
        this.rules = rules;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public PolicyView create(Caller caller, PolicyState state) {
        rules.check(caller.orgId(), state.levels(), TargetRules.Fields.STEPS);
        requireFreeName(caller.orgId(), state.name());
        Instant now = clock.instant();
        EscalationPolicyRow policy = NameConflict.guarding(
                () -> policies.save(new EscalationPolicyRow(
                        RandomIds.prefixed("ep"),
                        caller.orgId(),
                        state.name(),
                        state.description(),
                        caller.userId(),
                        now,
                        now)),
                UNIQUE_NAME,
                WHAT,
                state.name());
        List<EscalationStepRow> levels = new ArrayList<>();
        for (Level level : state.levels()) {
            levels.add(row(RandomIds.prefixed("step"), policy, level, now));
        }
        return view(policy, write(policy, levels, List.of(), now));
    }

    /** The provider's full replacement: levels are matched by position, so one that stays keeps its id. */
    @Transactional
    public PolicyView replace(Caller caller, String id, PolicyState state) {
        EscalationPolicyRow current = lock(caller.orgId(), id);
        rules.check(caller.orgId(), state.levels(), TargetRules.Fields.STEPS);
        if (!current.name().equals(state.name())) {
            requireFreeName(caller.orgId(), state.name());
        }
        Instant now = clock.instant();
        EscalationPolicyRow policy = NameConflict.guarding(
                () -> policies.update(new EscalationPolicyRow(
                        current.id(),
                        current.orgId(),
                        state.name(),
                        state.description(),
                        current.createdBy(),
                        current.createdAt(),
                        now)),
                UNIQUE_NAME,
                WHAT,
                state.name());
        List<EscalationStepRow> before = steps.ofPolicy(id);
        List<EscalationStepRow> after = new ArrayList<>();
        for (int i = 0; i < state.levels().size(); i++) {
            EscalationStepRow fresh =
                    row(RandomIds.prefixed("step"), policy, state.levels().get(i), now);
            after.add(i < before.size() ? keepIdentity(before.get(i), fresh) : fresh);
        }
        return view(policy, write(policy, after, before, now));
    }

    @Transactional
    public void delete(Caller caller, String id) {
        EscalationPolicyRow policy = lock(caller.orgId(), id);
        steps.deleteOfPolicy(policy.id());
        policies.delete(policy);
    }

    public PolicyView get(Caller caller, String id) {
        EscalationPolicyRow policy =
                policies.findByIdAndOrgId(id, caller.orgId()).orElseThrow(() -> notFound(id));
        return view(policy, steps.ofPolicy(policy.id()));
    }

    public List<EscalationPolicyRow> list(Caller caller) {
        return policies.listed(caller.orgId());
    }

    @Transactional
    public PolicyLevel addLayer(Caller caller, String policyId, int position, Level level) {
        EscalationPolicyRow policy = lock(caller.orgId(), policyId);
        rules.check(caller.orgId(), level, TargetRules.Fields.LAYER, 0);
        List<EscalationStepRow> before = steps.ofPolicy(policyId);
        requirePosition(position, before.size() + 1);
        Instant now = clock.instant();
        EscalationStepRow added = row(RandomIds.prefixed("step"), policy, level, now);
        List<EscalationStepRow> after = new ArrayList<>(before);
        after.add(position - 1, added);
        return decoded(find(write(policy, after, before, now), added.id()));
    }

    @Transactional
    public PolicyLevel changeLayer(Caller caller, String policyId, String layerId, LayerChange change) {
        EscalationPolicyRow policy = lock(caller.orgId(), policyId);
        List<EscalationStepRow> before = steps.ofPolicy(policyId);
        EscalationStepRow current = find(before, layerId);
        Level was = level(current);
        Level level = new Level(
                change.target() == null ? was.target() : change.target(),
                change.waitSeconds() == null ? was.waitSeconds() : change.waitSeconds(),
                was.condition());
        if (change.target() != null) {
            rules.check(caller.orgId(), level, TargetRules.Fields.LAYER, 0);
        }
        Instant now = clock.instant();
        List<EscalationStepRow> after = new ArrayList<>(before);
        after.remove(current);
        int position = change.position() == null ? current.position() : change.position();
        requirePosition(position, before.size());
        after.add(position - 1, keepIdentity(current, row(current.id(), policy, level, now)));
        return decoded(find(write(policy, after, before, now), layerId));
    }

    @Transactional
    public PolicyView reorder(Caller caller, String policyId, List<String> layerIds) {
        EscalationPolicyRow policy = lock(caller.orgId(), policyId);
        List<EscalationStepRow> before = steps.ofPolicy(policyId);
        List<String> current = before.stream().map(EscalationStepRow::id).toList();
        if (layerIds.size() != current.size() || !new HashSet<>(layerIds).equals(new HashSet<>(current))) {
            throw Refusal.badRequest(
                    "invalid_layer_order",
                    "layerIds: must list each of the policy's layers exactly once: " + current + ".");
        }
        List<EscalationStepRow> after =
                layerIds.stream().map(id -> find(before, id)).toList();
        return view(policy, write(policy, after, before, clock.instant()));
    }

    @Transactional
    public void removeLayer(Caller caller, String policyId, String layerId) {
        EscalationPolicyRow policy = lock(caller.orgId(), policyId);
        List<EscalationStepRow> before = steps.ofPolicy(policyId);
        List<EscalationStepRow> after = new ArrayList<>(before);
        after.remove(find(before, layerId));
        write(policy, after, before, clock.instant());
    }

    /**
     * The levels of the organization's policy in position order (position = index + 1), as they are now; empty
     * when the policy no longer exists. For the paging engine, which reads them each time escalation moves on.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<List<Level>> levelsOf(String orgId, String policyId) {
        return policies.findByIdAndOrgId(policyId, orgId)
                .map(policy ->
                        steps.ofPolicy(policy.id()).stream().map(this::level).toList());
    }

    /** The name of the organization's policy, if it still exists: for telling a person paged which policy did. */
    public java.util.Optional<String> nameOf(String orgId, String policyId) {
        return policies.findByIdAndOrgId(policyId, orgId).map(EscalationPolicyRow::name);
    }

    /** Whether the organization has this policy. */
    public boolean exists(String orgId, String policyId) {
        return policies.findByIdAndOrgId(policyId, orgId).isPresent();
    }

    /** The organization's oldest policy whose first level targets the schedule, if any. */
    public java.util.Optional<String> firstLevelTargeting(String orgId, String scheduleId) {
        List<String> candidates = steps.targeting(orgId, scheduleId).stream()
                .filter(step -> step.position() == 1)
                .map(EscalationStepRow::policyId)
                .toList();
        return policies.listed(orgId).stream()
                .map(EscalationPolicyRow::id)
                .filter(candidates::contains)
                .findFirst();
    }

    List<String> userIds(EscalationStepRow row) {
        if (row.userIds() == null) {
            return List.of();
        }
        try {
            return json.readValue(row.userIds(), IDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Level level(EscalationStepRow row) {
        TargetType type = TargetType.fromWire(row.targetType());
        Target target = type == TargetType.SCHEDULE ? Target.schedule(row.scheduleId()) : Target.users(userIds(row));
        Condition condition = row.conditionWorkingHoursId() == null
                ? null
                : new Condition(row.conditionWorkingHoursId(), "during".equals(row.conditionWhen()));
        return new Level(target, row.escalateAfterSeconds(), condition);
    }

    private PolicyView view(EscalationPolicyRow policy, List<EscalationStepRow> rows) {
        return new PolicyView(policy, rows.stream().map(this::decoded).toList());
    }

    private PolicyLevel decoded(EscalationStepRow row) {
        return new PolicyLevel(row.id(), row.policyId(), row.position(), level(row), row.createdAt(), row.updatedAt());
    }

    /**
     * Stores {@code ordered} as the policy's levels, positions 1..n in that order. A level whose position and
     * content did not change keeps its {@code updatedAt}; the policy's {@code updatedAt} moves when anything did.
     */
    List<EscalationStepRow> write(
            EscalationPolicyRow policy, List<EscalationStepRow> ordered, List<EscalationStepRow> before, Instant now) {
        List<EscalationStepRow> stored = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            EscalationStepRow row = withPosition(ordered.get(i), i + 1, now);
            EscalationStepRow old = before.stream()
                    .filter(b -> b.id().equals(row.id()))
                    .findFirst()
                    .orElse(null);
            stored.add(old != null && sameContent(old, row) ? old : row);
        }
        steps.deleteOfPolicy(policy.id());
        steps.saveAll(stored);
        if (!stored.equals(before) && policy.updatedAt().isBefore(now)) {
            policies.update(new EscalationPolicyRow(
                    policy.id(),
                    policy.orgId(),
                    policy.name(),
                    policy.description(),
                    policy.createdBy(),
                    policy.createdAt(),
                    now));
        }
        return stored;
    }

    private EscalationStepRow row(String id, EscalationPolicyRow policy, Level level, Instant now) {
        Target target = level.target();
        Condition condition = level.condition();
        return new EscalationStepRow(
                id,
                policy.id(),
                policy.orgId(),
                0,
                target.type().wire(),
                target.type() == TargetType.SCHEDULE ? target.scheduleId() : null,
                target.type() == TargetType.USERS ? idsJson(target.userIds()) : null,
                level.waitSeconds(),
                condition == null ? null : condition.workingHoursId(),
                condition == null ? null : condition.when(),
                now,
                now);
    }

    private static EscalationStepRow keepIdentity(EscalationStepRow old, EscalationStepRow fresh) {
        return new EscalationStepRow(
                old.id(),
                fresh.policyId(),
                fresh.orgId(),
                old.position(),
                fresh.targetType(),
                fresh.scheduleId(),
                fresh.userIds(),
                fresh.escalateAfterSeconds(),
                fresh.conditionWorkingHoursId(),
                fresh.conditionWhen(),
                old.createdAt(),
                fresh.updatedAt());
    }

    private static EscalationStepRow withPosition(EscalationStepRow row, int position, Instant now) {
        return new EscalationStepRow(
                row.id(),
                row.policyId(),
                row.orgId(),
                position,
                row.targetType(),
                row.scheduleId(),
                row.userIds(),
                row.escalateAfterSeconds(),
                row.conditionWorkingHoursId(),
                row.conditionWhen(),
                row.createdAt(),
                row.position() == position ? row.updatedAt() : now);
    }

    private static boolean sameContent(EscalationStepRow a, EscalationStepRow b) {
        return a.position() == b.position()
                && a.targetType().equals(b.targetType())
                && Objects.equals(a.scheduleId(), b.scheduleId())
                && Objects.equals(a.userIds(), b.userIds())
                && a.escalateAfterSeconds() == b.escalateAfterSeconds()
                && Objects.equals(a.conditionWorkingHoursId(), b.conditionWorkingHoursId())
                && Objects.equals(a.conditionWhen(), b.conditionWhen());
    }

    private EscalationPolicyRow lock(String orgId, String id) {
        return policies.lockByIdAndOrgId(id, orgId).orElseThrow(() -> notFound(id));
    }

    private static EscalationStepRow find(List<EscalationStepRow> rows, String layerId) {
        return rows.stream()
                .filter(row -> row.id().equals(layerId))
                .findFirst()
                .orElseThrow(() -> Refusal.notFound("Layer " + layerId));
    }

    private static void requirePosition(int position, int last) {
        if (position > last) {
            throw Refusal.badRequest(
                    "invalid_position", "position: must be between 1 and " + last + " (" + position + " given).");
        }
    }

    private void requireFreeName(String orgId, String name) {
        if (policies.existsByOrgIdAndName(orgId, name)) {
            throw NameConflict.of(WHAT, name);
        }
    }

    private static Refusal notFound(String id) {
        return Refusal.notFound("Escalation policy " + id);
    }

    String idsJson(@Nullable List<String> ids) {
        try {
            return json.writeValueAsString(ids == null ? List.of() : ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
