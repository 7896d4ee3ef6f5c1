package cloud.scaling.routing;

import static cloud.scaling.web.WireTime.utc;

import cloud.scaling.api.RoutingPoliciesApi;
import cloud.scaling.api.model.RoutingOutcome;
import cloud.scaling.api.model.RoutingPolicy;
import cloud.scaling.api.model.RoutingPolicyDetail;
import cloud.scaling.api.model.RoutingPolicyDetailResponse;
import cloud.scaling.api.model.RoutingPolicyInput;
import cloud.scaling.api.model.RoutingPolicyListResponse;
import cloud.scaling.auth.Caller;
import cloud.scaling.auth.CallerContext;
import cloud.scaling.idempotency.Idempotency;
import cloud.scaling.idempotency.IdempotencyWire;
import cloud.scaling.web.SeverityWire;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** The routing-policy endpoints of the spec, in the shape the Terraform provider's scaling_routing_policy uses. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class RoutingPolicyController implements RoutingPoliciesApi {

    private final RoutingPolicyService service;
    private final Idempotency idempotency;

    public RoutingPolicyController(RoutingPolicyService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @Override
    public HttpResponse<RoutingPolicyDetailResponse> createRoutingPolicy(
            RoutingPolicyInput body, String idempotencyKey) {
        Caller caller = CallerContext.current();
        return IdempotencyWire.once(
                idempotency,
                caller,
                idempotencyKey,
                body,
                () -> HttpResponse.status(HttpStatus.CREATED)
                        .body(new RoutingPolicyDetailResponse(detail(service.create(caller, state(body))))));
    }

    @Override
    public HttpResponse<RoutingPolicyListResponse> listRoutingPolicies() {
        return HttpResponse.ok(new RoutingPolicyListResponse(service.list(CallerContext.current()).stream()
                .map(row -> new RoutingPolicy(
                        row.id(),
                        row.orgId(),
                        row.name(),
                        row.description(),
                        row.isDefault(),
                        utc(row.createdAt()),
                        utc(row.updatedAt())))
                .toList()));
    }

    @Override
    public HttpResponse<RoutingPolicyDetailResponse> getRoutingPolicy(String policyId) {
        return HttpResponse.ok(new RoutingPolicyDetailResponse(
                detail(service.get(CallerContext.current().orgId(), policyId))));
    }

    @Override
    public HttpResponse<RoutingPolicyDetailResponse> updateRoutingPolicy(String policyId, RoutingPolicyInput body) {
        return HttpResponse.ok(new RoutingPolicyDetailResponse(
                detail(service.replace(CallerContext.current(), policyId, state(body)))));
    }

    @Override
    public HttpResponse<Void> deleteRoutingPolicy(String policyId) {
        service.delete(CallerContext.current(), policyId);
        return HttpResponse.noContent();
    }

    private static RoutingPolicyState state(RoutingPolicyInput body) {
        return new RoutingPolicyState(
                body.getName(),
                body.getDescription(),
                body.getRules().stream()
                        .map(rule -> new RoutingRule(
                                SeverityWire.domain(rule.getSeverity()),
                                Outcome.of(rule.getOutcome().getValue()),
                                rule.getEscalationPolicyId()))
                        .toList());
    }

    private RoutingPolicyDetail detail(RoutingPolicyRow row) {
        return new RoutingPolicyDetail(
                row.id(),
                row.orgId(),
                row.name(),
                row.description(),
                row.isDefault(),
                service.rules(row).stream()
                        .map(rule -> new cloud.scaling.api.model.RoutingRule(
                                        SeverityWire.wire(rule.severity()),
                                        RoutingOutcome.fromValue(rule.outcome().wireName()))
                                .escalationPolicyId(rule.escalationPolicyId()))
                        .toList(),
                utc(row.createdAt()),
                utc(row.updatedAt()));
    }
}
