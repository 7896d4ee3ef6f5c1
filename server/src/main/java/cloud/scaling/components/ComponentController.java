package cloud.scaling.components;

import static cloud.scaling.web.WireTime.utc;

import cloud.scaling.api.ComponentsApi;
import cloud.scaling.api.model.Component;
import cloud.scaling.api.model.ComponentCreate;
import cloud.scaling.api.model.ComponentListResponse;
import cloud.scaling.api.model.ComponentPage;
import cloud.scaling.api.model.ComponentResponse;
import cloud.scaling.api.model.ComponentUpdate;
import cloud.scaling.api.model.MaintenanceWindow;
import cloud.scaling.api.model.MaintenanceWindowInput;
import cloud.scaling.auth.Caller;
import cloud.scaling.auth.CallerContext;
import cloud.scaling.idempotency.Idempotency;
import cloud.scaling.idempotency.IdempotencyWire;
import cloud.scaling.pagination.ResultPage;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** The components endpoints of the spec, as the Terraform provider uses them. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class ComponentController implements ComponentsApi {

    private final ComponentService service;
    private final Idempotency idempotency;

    public ComponentController(ComponentService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @Override
    public HttpResponse<ComponentResponse> createComponent(ComponentCreate body, String idempotencyKey) {
        ComponentState state = new ComponentState(
                body.getName(),
                body.getDescription(),
                body.getAliases(),
                ComponentWire.status(body.getOperationalStatus()),
                period(body.getMaintenanceWindow()),
                body.getEscalationPolicyId());
        Caller caller = CallerContext.current();
        return IdempotencyWire.once(
                idempotency,
                caller,
                idempotencyKey,
                body,
                () -> HttpResponse.status(HttpStatus.CREATED)
                        .body(new ComponentResponse(toApi(service.create(caller, state)))));
    }

    @Override
    public HttpResponse<ComponentResponse> getComponent(String componentId) {
        return HttpResponse.ok(new ComponentResponse(toApi(service.get(CallerContext.current(), componentId))));
    }

    @Override
    public HttpResponse<ComponentListResponse> listComponents(Integer limit, String cursor) {
        ResultPage<Component> page =
                service.list(CallerContext.current(), cursor, limit).map(this::toApi);
        return HttpResponse.ok(new ComponentListResponse(new ComponentPage(page.items(), page.nextCursor())));
    }

    @Override
    public HttpResponse<ComponentResponse> updateComponent(String componentId, ComponentUpdate body) {
        ComponentState state = new ComponentState(
                body.getName(),
                body.getDescription(),
                body.getAliases(),
                ComponentWire.status(body.getOperationalStatus()),
                period(body.getMaintenanceWindow()),
                body.getEscalationPolicyId());
        return HttpResponse.ok(
                new ComponentResponse(toApi(service.update(CallerContext.current(), componentId, state))));
    }

    @Override
    public HttpResponse<Void> deleteComponent(String componentId) {
        service.delete(CallerContext.current(), componentId);
        return HttpResponse.noContent();
    }

    private Component toApi(ComponentRow row) {
        MaintenanceWindow window = row.maintenanceStartedAt() == null
                ? null
                : new MaintenanceWindow(utc(row.maintenanceStartedAt()), utc(row.maintenanceEndsAt()));
        return new Component(
                row.id(),
                row.orgId(),
                row.name(),
                row.description(),
                service.aliases(row),
                ComponentWire.status(row.operationalStatus()),
                window,
                row.escalationPolicyId(),
                utc(row.createdAt()),
                utc(row.updatedAt()));
    }

    private static MaintenancePeriod period(MaintenanceWindowInput window) {
        return window == null
                ? null
                : new MaintenancePeriod(
                        window.getStartedAt().toInstant(),
                        window.getEndsAt() == null ? null : window.getEndsAt().toInstant());
    }
}
