package cloud.scaling.escalation;

import static cloud.scaling.web.WireTime.utc;

import cloud.scaling.api.EscalationPoliciesApi;
import cloud.scaling.api.model.EscalationLayer;
import cloud.scaling.api.model.EscalationLayerCreate;
import cloud.scaling.api.model.EscalationLayerOrder;
import cloud.scaling.api.model.EscalationLayerResponse;
import cloud.scaling.api.model.EscalationLayerUpdate;
import cloud.scaling.api.model.EscalationPolicy;
import cloud.scaling.api.model.EscalationPolicyDetail;
import cloud.scaling.api.model.EscalationPolicyInput;
import cloud.scaling.api.model.EscalationPolicyListResponse;
import cloud.scaling.api.model.EscalationPolicyResponse;
import cloud.scaling.api.model.EscalationStep;
import cloud.scaling.api.model.EscalationStepInput;
import cloud.scaling.api.model.EscalationTarget;
import cloud.scaling.api.model.EscalationTargetType;
import cloud.scaling.api.model.StepCondition;
import cloud.scaling.api.model.StepConditionWhen;
import cloud.scaling.auth.Caller;
import cloud.scaling.auth.CallerContext;
import cloud.scaling.idempotency.Idempotency;
import cloud.scaling.idempotency.IdempotencyWire;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Arrays;
import java.util.List;

/**
 * The escalation endpoints: the provider's policy with inline steps and the docs' layers, two views of the same
 * levels. The wire mapping between them (seconds and minutes, the users target as a step) lives here only.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class EscalationPolicyController implements EscalationPoliciesApi {

    private final EscalationPolicyService service;
    private final Idempotency idempotency;

    public EscalationPolicyController(EscalationPolicyService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @Override
    public HttpResponse<EscalationPolicyResponse> createEscalationPolicy(
            EscalationPolicyInput body, String idempotencyKey) {
        Caller caller = CallerContext.current();
        return IdempotencyWire.once(
                idempotency,
                caller,
                idempotencyKey,
                body,
                () -> HttpResponse.status(HttpStatus.CREATED).body(detail(service.create(caller, state(body)))));
    }

    @Override
    public HttpResponse<EscalationPolicyListResponse> listEscalationPolicies() {
        return HttpResponse.ok(new EscalationPolicyListResponse(service.list(CallerContext.current()).stream()
                .map(row -> new EscalationPolicy(
                        row.id(),
                        row.orgId(),
                        row.name(),
                        row.description(),
                        row.createdBy(),
                        utc(row.createdAt()),
                        utc(row.updatedAt())))
                .toList()));
    }

    @Override
    public HttpResponse<EscalationPolicyResponse> getEscalationPolicy(String policyId) {
        return HttpResponse.ok(detail(service.get(CallerContext.current(), policyId)));
    }

    @Override
    public HttpResponse<EscalationPolicyResponse> replaceEscalationPolicy(String policyId, EscalationPolicyInput body) {
        return HttpResponse.ok(detail(service.replace(CallerContext.current(), policyId, state(body))));
    }

    @Override
    public HttpResponse<Void> deleteEscalationPolicy(String policyId) {
        service.delete(CallerContext.current(), policyId);
        return HttpResponse.noContent();
    }

    @Override
    public HttpResponse<EscalationLayerResponse> addEscalationLayer(
            String policyId, EscalationLayerCreate body, String idempotencyKey) {
        Caller caller = CallerContext.current();
        Level level = new Level(target(body.getTarget()), body.getAckTimeoutMinutes() * 60, null);
        return IdempotencyWire.once(
                idempotency,
                caller,
                idempotencyKey,
                body,
                () -> HttpResponse.status(HttpStatus.CREATED)
                        .body(new EscalationLayerResponse(
                                layer(service.addLayer(caller, policyId, body.getPosition(), level)))));
    }

    @Override
    public HttpResponse<EscalationLayerResponse> updateEscalationLayer(
            String policyId, String layerId, EscalationLayerUpdate body) {
        LayerChange change = new LayerChange(
                body.getPosition(),
                body.getAckTimeoutMinutes() == null ? null : body.getAckTimeoutMinutes() * 60,
                body.getTarget() == null ? null : target(body.getTarget()));
        return HttpResponse.ok(new EscalationLayerResponse(
                layer(service.changeLayer(CallerContext.current(), policyId, layerId, change))));
    }

    @Override
    public HttpResponse<EscalationPolicyResponse> reorderEscalationLayers(String policyId, EscalationLayerOrder body) {
        return HttpResponse.ok(detail(service.reorder(CallerContext.current(), policyId, body.getLayerIds())));
    }

    /** The public docs' path of {@link #reorderEscalationLayers}. */
    @Override
    public HttpResponse<EscalationPolicyResponse> reorderEscalationLayersAtLayersOrder(
            String policyId, EscalationLayerOrder body) {
        return reorderEscalationLayers(policyId, body);
    }

    @Override
    public HttpResponse<Void> removeEscalationLayer(String policyId, String layerId) {
        service.removeLayer(CallerContext.current(), policyId, layerId);
        return HttpResponse.noContent();
    }

    private static PolicyState state(EscalationPolicyInput body) {
        List<EscalationStepInput> steps = body.getSteps() == null ? List.of() : body.getSteps();
        return new PolicyState(
                body.getName(),
                body.getDescription(),
                steps.stream()
                        .map(step -> new Level(
                                step.getTargetType() == EscalationTargetType.SCHEDULE
                                        ? Target.schedule(step.getTargetId())
                                        : Target.users(
                                                Arrays.asList(step.getTargetId().split(",", -1))),
                                step.getEscalateAfterSeconds(),
                                condition(step.getCondition())))
                        .toList());
    }

    private static Condition condition(@Nullable StepCondition condition) {
        return condition == null
                ? null
                : new Condition(
                        condition.getWorkingHoursId(),
                        "during".equals(condition.getWhen().getValue()));
    }

    private static Target target(EscalationTarget target) {
        return target.getType() == EscalationTargetType.SCHEDULE
                ? Target.schedule(target.getScheduleId())
                : Target.users(target.getUserIds());
    }

    private static EscalationPolicyResponse detail(PolicyView view) {
        EscalationPolicyRow row = view.policy();
        return new EscalationPolicyResponse(new EscalationPolicyDetail(
                row.id(),
                row.orgId(),
                row.name(),
                row.description(),
                row.createdBy(),
                utc(row.createdAt()),
                utc(row.updatedAt()),
                view.levels().stream().map(EscalationPolicyController::step).toList(),
                view.levels().stream().map(EscalationPolicyController::layer).toList()));
    }

    private static EscalationStep step(PolicyLevel stored) {
        Level level = stored.level();
        Target target = level.target();
        String targetId =
                target.type() == TargetType.SCHEDULE ? target.scheduleId() : String.join(",", target.userIds());
        return new EscalationStep(
                stored.id(),
                stored.position(),
                EscalationTargetType.fromValue(target.type().wire()),
                targetId,
                level.waitSeconds(),
                condition(level.condition()),
                utc(stored.createdAt()),
                utc(stored.updatedAt()));
    }

    private static EscalationLayer layer(PolicyLevel stored) {
        Level level = stored.level();
        Target target = level.target();
        EscalationTarget wire = new EscalationTarget(
                EscalationTargetType.fromValue(target.type().wire()));
        if (target.type() == TargetType.SCHEDULE) {
            wire.scheduleId(target.scheduleId());
        } else {
            wire.userIds(target.userIds());
        }
        // Whole minutes, rounded up: only a step written in seconds can have a remainder.
        int minutes = (level.waitSeconds() + 59) / 60;
        return new EscalationLayer(
                stored.id(),
                stored.policyId(),
                stored.position(),
                minutes,
                wire,
                condition(level.condition()),
                utc(stored.createdAt()),
                utc(stored.updatedAt()));
    }

    private static StepCondition condition(@Nullable Condition condition) {
        return condition == null
                ? null
                : new StepCondition(condition.workingHoursId(), StepConditionWhen.fromValue(condition.when()));
    }
}
