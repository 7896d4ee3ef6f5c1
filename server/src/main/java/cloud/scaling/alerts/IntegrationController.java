package cloud.scaling.alerts;

import static cloud.scaling.web.WireTime.utc;

import cloud.scaling.api.InboundIntegrationsApi;
import cloud.scaling.api.model.CreatedInboundIntegration;
import cloud.scaling.api.model.CreatedInboundIntegrationResponse;
import cloud.scaling.api.model.InboundIntegration;
import cloud.scaling.api.model.InboundIntegrationCreate;
import cloud.scaling.api.model.InboundIntegrationList;
import cloud.scaling.api.model.InboundIntegrationListResponse;
import cloud.scaling.api.model.InboundIntegrationResponse;
import cloud.scaling.api.model.InboundSelectorsInput;
import cloud.scaling.api.model.IntegrationType;
import cloud.scaling.api.model.RoutingSelector;
import cloud.scaling.api.model.SelectorMatcher;
import cloud.scaling.auth.CallerContext;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/** The inbound-integration endpoints, in the shape the Terraform provider's scaling_inbound_integration uses. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class IntegrationController implements InboundIntegrationsApi {

    private final IntegrationService service;

    public IntegrationController(IntegrationService service) {
        this.service = service;
    }

    @Override
    public HttpResponse<CreatedInboundIntegrationResponse> createInboundIntegration(InboundIntegrationCreate body) {
        IssuedIntegration issued = service.create(
                CallerContext.current(),
                new NewIntegration(
                        body.getName(), body.getType().getValue(), body.getComponentId(), body.getRoutingPolicyId()));
        return HttpResponse.status(HttpStatus.CREATED).body(withToken(issued));
    }

    @Override
    public HttpResponse<InboundIntegrationListResponse> listInboundIntegrations() {
        return HttpResponse.ok(new InboundIntegrationListResponse(
                new InboundIntegrationList(service.list(CallerContext.current()).stream()
                        .map(this::integration)
                        .toList())));
    }

    @Override
    public HttpResponse<InboundIntegrationResponse> getInboundIntegration(String integrationId) {
        return HttpResponse.ok(
                new InboundIntegrationResponse(integration(service.get(CallerContext.current(), integrationId))));
    }

    @Override
    public HttpResponse<InboundIntegrationResponse> setInboundSelectors(
            String integrationId, InboundSelectorsInput body) {
        List<Selector> selectors = body.getSelectors().stream()
                .map(selector -> new Selector(
                        selector.getMatchers().stream()
                                .map(m -> new Selector.Matcher(m.getKey(), m.getValue()))
                                .toList(),
                        selector.getRoutingPolicyId()))
                .toList();
        return HttpResponse.ok(new InboundIntegrationResponse(
                integration(service.replaceSelectors(CallerContext.current(), integrationId, selectors))));
    }

    @Override
    public HttpResponse<CreatedInboundIntegrationResponse> rotateInboundIntegrationToken(String integrationId) {
        return HttpResponse.ok(withToken(service.rotateToken(CallerContext.current(), integrationId)));
    }

    @Override
    public HttpResponse<Void> deleteInboundIntegration(String integrationId) {
        service.delete(CallerContext.current(), integrationId);
        return HttpResponse.noContent();
    }

    private InboundIntegration integration(IntegrationRow row) {
        return new InboundIntegration(
                row.id(),
                row.orgId(),
                row.name(),
                IntegrationType.fromValue(row.type()),
                row.componentId(),
                row.routingPolicyId(),
                selectors(row),
                row.tokenPrefix(),
                utc(row.createdAt()),
                utc(row.updatedAt()));
    }

    private CreatedInboundIntegrationResponse withToken(IssuedIntegration issued) {
        IntegrationRow row = issued.integration();
        return new CreatedInboundIntegrationResponse(new CreatedInboundIntegration(
                row.id(),
                row.orgId(),
                row.name(),
                IntegrationType.fromValue(row.type()),
                row.componentId(),
                row.routingPolicyId(),
                selectors(row),
                row.tokenPrefix(),
                utc(row.createdAt()),
                utc(row.updatedAt()),
                issued.token()));
    }

    private List<RoutingSelector> selectors(IntegrationRow row) {
        return service.selectors(row).stream()
                .map(selector -> new RoutingSelector(
                        selector.matchers().stream()
                                .map(m -> new SelectorMatcher(m.key(), m.value()))
                                .toList(),
                        selector.routingPolicyId()))
                .toList();
    }
}
