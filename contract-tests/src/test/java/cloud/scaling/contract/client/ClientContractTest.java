package cloud.scaling.contract.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import cloud.scaling.client.ScalingApiException;
import cloud.scaling.client.ScalingClient;
import cloud.scaling.client.api.AlertsApi;
import cloud.scaling.client.api.ComponentsApi;
import cloud.scaling.client.api.ContactMethodsApi;
import cloud.scaling.client.api.EscalationPoliciesApi;
import cloud.scaling.client.api.InboundIntegrationsApi;
import cloud.scaling.client.api.IncidentUpdatesApi;
import cloud.scaling.client.api.IncidentsApi;
import cloud.scaling.client.api.MetaApi;
import cloud.scaling.client.api.MonitoringApi;
import cloud.scaling.client.api.OnCallApi;
import cloud.scaling.client.api.ResponderApi;
import cloud.scaling.client.api.RoutingPoliciesApi;
import cloud.scaling.client.api.TeamApi;
import cloud.scaling.client.api.UsersApi;
import cloud.scaling.client.api.WebhooksApi;
import cloud.scaling.client.api.WorkingHoursApi;
import cloud.scaling.client.invoker.ApiClient;
import cloud.scaling.client.model.AlertmanagerWebhook;
import cloud.scaling.client.model.ComponentCreate;
import cloud.scaling.client.model.ComponentUpdate;
import cloud.scaling.client.model.ContactMethodInput;
import cloud.scaling.client.model.EscalationLayerCreate;
import cloud.scaling.client.model.EscalationLayerOrder;
import cloud.scaling.client.model.EscalationLayerUpdate;
import cloud.scaling.client.model.EscalationPolicyInput;
import cloud.scaling.client.model.GenericAlert;
import cloud.scaling.client.model.GrafanaWebhook;
import cloud.scaling.client.model.Handoff;
import cloud.scaling.client.model.InboundIntegrationCreate;
import cloud.scaling.client.model.InboundSelectorsInput;
import cloud.scaling.client.model.IncidentComponents;
import cloud.scaling.client.model.IncidentCreate;
import cloud.scaling.client.model.InvitationAcceptance;
import cloud.scaling.client.model.InvitationCreate;
import cloud.scaling.client.model.OncallLayerInput;
import cloud.scaling.client.model.OncallLayerOrder;
import cloud.scaling.client.model.OncallOverrideCreate;
import cloud.scaling.client.model.OncallScheduleCreate;
import cloud.scaling.client.model.OncallScheduleUpdate;
import cloud.scaling.client.model.RoleChange;
import cloud.scaling.client.model.RoutingPolicyInput;
import cloud.scaling.client.model.StatusChange;
import cloud.scaling.client.model.UpdateCreate;
import cloud.scaling.client.model.UserUpdate;
import cloud.scaling.client.model.WebhookEndpointInput;
import cloud.scaling.client.model.WorkingHoursInput;
import cloud.scaling.contract.server.support.Credentials;
import cloud.scaling.contract.spec.ExchangeValidator;
import cloud.scaling.contract.spec.Spec;
import cloud.scaling.contract.spec.SpecExamples;
import cloud.scaling.contract.spec.SpecExamples.ResponseExample;
import cloud.scaling.contract.spec.SpecOperation;
import cloud.scaling.contract.spec.WireRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The client against the spec. WireMock answers with the spec's own examples, one by one; for each, the
 * client's request must be valid per the spec, a success example must come back from the client without loss
 * (compared field by field), and an error example must surface as a ScalingApiException carrying the error
 * body. The one thing written per operation is how the client calls it ({@link #CALLS}); an operation with
 * examples and no entry fails {@link #everyOperationWithExamplesHasAClientCall()}.
 */
class ClientContractTest {

    private static final Spec SPEC = Spec.current();
    private static final SpecExamples EXAMPLES = new SpecExamples(SPEC.text());
    private static final ObjectMapper CLIENT_JSON = ApiClient.createDefaultObjectMapper();
    private static final UUID INCIDENT = UUID.fromString("a1b2c3d4-e5f6-7890-abcd-ef1234567890");
    private static final String COMPONENT = "cmp_2hq8xk3n9p";
    private static final String ROUTING_POLICY = "rp_8Kq2LmN4pR7sT9vX";
    private static final String MEMBER = "user_3xyz789ghi012";
    private static final String SCHEDULE = "sch_0Mv3kQ8pZr2Lx7Tb";
    private static final String LAYER = "lyr_0Mv3kQ9a7fKp2xQe";
    private static final String OVERRIDE = "ovr_0Mv3kQAc1Rz5uYhd";
    private static final String WORKING_HOURS = "wh_4Rt7uKq2ZbN8xYpL";
    private static final String POLICY = "ep_9Qw3eRt5yUi7oP1a";
    private static final String ESCALATION_LAYER = "step_Zx8Cv6Bn4Mq2Wd0S";
    private static final String WEBHOOK_ENDPOINT = "hook_7hG2kL9mN4pQ1rS3";
    private static final String INTEGRATION = "int_4Tg7hJ2kL9mN3pQ5";
    private static final String PAGE_TOKEN = "ptk_4Yb8sQ2mWn6Kc1Vd.Xr7Tb0Mv3kQ8pZr2Lx7Tb0Mv3kQ8pZr2Lx7Tb0Mv3kQ8pZr";
    /** The scheme of operations that declare none of their own. */
    private static final String DEFAULT_SCHEME = "bearerAuth";

    /** How the client invokes each operation, with the spec's request example where it takes a body. */
    private static final Map<String, ClientCall> CALLS = Map.ofEntries(
            Map.entry(
                    "createIncident",
                    client -> client.api(IncidentsApi::new)
                            .createIncident(requestBody("createIncident", IncidentCreate.class), null)),
            Map.entry(
                    "listIncidents",
                    client -> client.api(IncidentsApi::new).listIncidents(null, null, null, null, null, null)),
            Map.entry("getIncident", client -> client.api(IncidentsApi::new).getIncident(INCIDENT)),
            Map.entry(
                    "updateIncidentStatus",
                    client -> client.api(IncidentsApi::new)
                            .updateIncidentStatus(INCIDENT, requestBody("updateIncidentStatus", StatusChange.class))),
            Map.entry(
                    "acknowledgeIncident",
                    client -> client.api(IncidentsApi::new).acknowledgeIncident(INCIDENT, null)),
            Map.entry(
                    "handOffIncident",
                    client -> client.api(IncidentsApi::new)
                            .handOffIncident(INCIDENT, requestBody("handOffIncident", Handoff.class), null)),
            Map.entry(
                    "setIncidentComponents",
                    client -> client.api(IncidentsApi::new)
                            .setIncidentComponents(
                                    INCIDENT, requestBody("setIncidentComponents", IncidentComponents.class))),
            Map.entry(
                    "postIncidentUpdate",
                    client -> client.api(IncidentUpdatesApi::new)
                            .postIncidentUpdate(INCIDENT, requestBody("postIncidentUpdate", UpdateCreate.class), null)),
            Map.entry(
                    "listIncidentUpdates",
                    client -> client.api(IncidentUpdatesApi::new).listIncidentUpdates(INCIDENT)),
            Map.entry(
                    "redactIncidentUpdate",
                    client -> client.api(IncidentUpdatesApi::new)
                            .redactIncidentUpdate(
                                    INCIDENT, UUID.fromString("5d0f7c1e-8a3b-4f2e-9c6d-1b2a3c4d5e6f"), null)),
            Map.entry(
                    "createComponent",
                    client -> client.api(ComponentsApi::new)
                            .createComponent(requestBody("createComponent", ComponentCreate.class), null)),
            Map.entry("listComponents", client -> client.api(ComponentsApi::new).listComponents(null, null)),
            Map.entry("getComponent", client -> client.api(ComponentsApi::new).getComponent(COMPONENT)),
            Map.entry("deleteComponent", client -> {
                client.api(ComponentsApi::new).deleteComponent(COMPONENT);
                return null;
            }),
            Map.entry(
                    "updateComponent",
                    client -> client.api(ComponentsApi::new)
                            .updateComponent(COMPONENT, requestBody("updateComponent", ComponentUpdate.class))),
            Map.entry(
                    "createRoutingPolicy",
                    client -> client.api(RoutingPoliciesApi::new)
                            .createRoutingPolicy(requestBody("createRoutingPolicy", RoutingPolicyInput.class), null)),
            Map.entry(
                    "listRoutingPolicies",
                    client -> client.api(RoutingPoliciesApi::new).listRoutingPolicies()),
            Map.entry(
                    "getRoutingPolicy",
                    client -> client.api(RoutingPoliciesApi::new).getRoutingPolicy(ROUTING_POLICY)),
            Map.entry(
                    "updateRoutingPolicy",
                    client -> client.api(RoutingPoliciesApi::new)
                            .updateRoutingPolicy(
                                    ROUTING_POLICY, requestBody("updateRoutingPolicy", RoutingPolicyInput.class))),
            Map.entry("deleteRoutingPolicy", client -> {
                client.api(RoutingPoliciesApi::new).deleteRoutingPolicy(ROUTING_POLICY);
                return null;
            }),
            Map.entry(
                    "createOncallSchedule",
                    client -> client.api(OnCallApi::new)
                            .createOncallSchedule(
                                    requestBody("createOncallSchedule", OncallScheduleCreate.class), null)),
            Map.entry(
                    "listOncallSchedules", client -> client.api(OnCallApi::new).listOncallSchedules()),
            Map.entry("getOncallSchedule", client -> client.api(OnCallApi::new).getOncallSchedule(SCHEDULE)),
            Map.entry(
                    "updateOncallSchedule",
                    client -> client.api(OnCallApi::new)
                            .updateOncallSchedule(
                                    SCHEDULE, requestBody("updateOncallSchedule", OncallScheduleUpdate.class))),
            Map.entry("deleteOncallSchedule", client -> {
                client.api(OnCallApi::new).deleteOncallSchedule(SCHEDULE);
                return null;
            }),
            Map.entry(
                    "createOncallLayer",
                    client -> client.api(OnCallApi::new)
                            .createOncallLayer(
                                    SCHEDULE, requestBody("createOncallLayer", OncallLayerInput.class), null)),
            Map.entry(
                    "updateOncallLayer",
                    client -> client.api(OnCallApi::new)
                            .updateOncallLayer(
                                    SCHEDULE, LAYER, requestBody("updateOncallLayer", OncallLayerInput.class))),
            Map.entry("deleteOncallLayer", client -> {
                client.api(OnCallApi::new).deleteOncallLayer(SCHEDULE, LAYER);
                return null;
            }),
            Map.entry(
                    "reorderOncallLayers",
                    client -> client.api(OnCallApi::new)
                            .reorderOncallLayers(SCHEDULE, requestBody("reorderOncallLayers", OncallLayerOrder.class))),
            Map.entry(
                    "createOncallOverride",
                    client -> client.api(OnCallApi::new)
                            .createOncallOverride(
                                    SCHEDULE, requestBody("createOncallOverride", OncallOverrideCreate.class), null)),
            Map.entry(
                    "listOncallOverrides", client -> client.api(OnCallApi::new).listOncallOverrides(SCHEDULE)),
            Map.entry("deleteOncallOverride", client -> {
                client.api(OnCallApi::new).deleteOncallOverride(SCHEDULE, OVERRIDE);
                return null;
            }),
            Map.entry(
                    "resolveOncallSchedule",
                    client -> client.api(OnCallApi::new)
                            .resolveOncallSchedule(SCHEDULE, OffsetDateTime.parse("2026-04-10T18:00:00Z"))),
            Map.entry(
                    "listOncallShifts",
                    client -> client.api(OnCallApi::new)
                            .listOncallShifts(
                                    SCHEDULE,
                                    OffsetDateTime.parse("2026-04-06T00:00:00Z"),
                                    OffsetDateTime.parse("2026-04-20T00:00:00Z"))),
            Map.entry(
                    "createWorkingHours",
                    client -> client.api(WorkingHoursApi::new)
                            .createWorkingHours(requestBody("createWorkingHours", WorkingHoursInput.class), null)),
            Map.entry(
                    "listWorkingHours",
                    client -> client.api(WorkingHoursApi::new).listWorkingHours()),
            Map.entry(
                    "getWorkingHours",
                    client -> client.api(WorkingHoursApi::new).getWorkingHours(WORKING_HOURS)),
            Map.entry(
                    "updateWorkingHours",
                    client -> client.api(WorkingHoursApi::new)
                            .updateWorkingHours(
                                    WORKING_HOURS, requestBody("updateWorkingHours", WorkingHoursInput.class))),
            Map.entry(
                    "createEscalationPolicy",
                    client -> client.api(EscalationPoliciesApi::new)
                            .createEscalationPolicy(
                                    requestBody("createEscalationPolicy", EscalationPolicyInput.class), null)),
            Map.entry(
                    "listEscalationPolicies",
                    client -> client.api(EscalationPoliciesApi::new).listEscalationPolicies()),
            Map.entry(
                    "getEscalationPolicy",
                    client -> client.api(EscalationPoliciesApi::new).getEscalationPolicy(POLICY)),
            Map.entry(
                    "replaceEscalationPolicy",
                    client -> client.api(EscalationPoliciesApi::new)
                            .replaceEscalationPolicy(
                                    POLICY, requestBody("replaceEscalationPolicy", EscalationPolicyInput.class))),
            Map.entry("deleteEscalationPolicy", client -> {
                client.api(EscalationPoliciesApi::new).deleteEscalationPolicy(POLICY);
                return null;
            }),
            Map.entry(
                    "addEscalationLayer",
                    client -> client.api(EscalationPoliciesApi::new)
                            .addEscalationLayer(
                                    POLICY, requestBody("addEscalationLayer", EscalationLayerCreate.class), null)),
            Map.entry(
                    "updateEscalationLayer",
                    client -> client.api(EscalationPoliciesApi::new)
                            .updateEscalationLayer(
                                    POLICY,
                                    ESCALATION_LAYER,
                                    requestBody("updateEscalationLayer", EscalationLayerUpdate.class))),
            Map.entry(
                    "reorderEscalationLayers",
                    client -> client.api(EscalationPoliciesApi::new)
                            .reorderEscalationLayers(
                                    POLICY, requestBody("reorderEscalationLayers", EscalationLayerOrder.class))),
            Map.entry(
                    "reorderEscalationLayersAtLayersOrder",
                    client -> client.api(EscalationPoliciesApi::new)
                            .reorderEscalationLayersAtLayersOrder(
                                    POLICY,
                                    requestBody("reorderEscalationLayersAtLayersOrder", EscalationLayerOrder.class))),
            Map.entry("removeEscalationLayer", client -> {
                client.api(EscalationPoliciesApi::new).removeEscalationLayer(POLICY, ESCALATION_LAYER);
                return null;
            }),
            Map.entry("deleteWorkingHours", client -> {
                client.api(WorkingHoursApi::new).deleteWorkingHours(WORKING_HOURS);
                return null;
            }),
            Map.entry(
                    "createWebhookEndpoint",
                    client -> client.api(WebhooksApi::new)
                            .createWebhookEndpoint(requestBody("createWebhookEndpoint", WebhookEndpointInput.class))),
            Map.entry(
                    "listWebhookEndpoints",
                    client -> client.api(WebhooksApi::new).listWebhookEndpoints()),
            Map.entry(
                    "getWebhookEndpoint", client -> client.api(WebhooksApi::new).getWebhookEndpoint(WEBHOOK_ENDPOINT)),
            Map.entry(
                    "updateWebhookEndpoint",
                    client -> client.api(WebhooksApi::new)
                            .updateWebhookEndpoint(
                                    WEBHOOK_ENDPOINT,
                                    requestBody("updateWebhookEndpoint", WebhookEndpointInput.class))),
            Map.entry("deleteWebhookEndpoint", client -> {
                client.api(WebhooksApi::new).deleteWebhookEndpoint(WEBHOOK_ENDPOINT);
                return null;
            }),
            Map.entry(
                    "rotateWebhookSecret",
                    client -> client.api(WebhooksApi::new).rotateWebhookSecret(WEBHOOK_ENDPOINT)),
            Map.entry(
                    "retireWebhookPreviousSecret",
                    client -> client.api(WebhooksApi::new).retireWebhookPreviousSecret(WEBHOOK_ENDPOINT)),
            Map.entry(
                    "listWebhookDeliveries",
                    client -> client.api(WebhooksApi::new).listWebhookDeliveries(WEBHOOK_ENDPOINT, null, null)),
            Map.entry(
                    "replayWebhookDelivery",
                    client -> client.api(WebhooksApi::new)
                            .replayWebhookDelivery(WEBHOOK_ENDPOINT, "msg_2bC4dE6fG8hJ0kL1")),
            Map.entry("listUsers", client -> client.api(UsersApi::new).listUsers()),
            Map.entry(
                    "updateUser",
                    client ->
                            client.api(UsersApi::new).updateUser(MEMBER, requestBody("updateUser", UserUpdate.class))),
            Map.entry(
                    "listContactMethods",
                    client -> client.api(ContactMethodsApi::new).listContactMethods(MEMBER)),
            Map.entry(
                    "createContactMethod",
                    client -> client.api(ContactMethodsApi::new)
                            .createContactMethod(MEMBER, requestBody("createContactMethod", ContactMethodInput.class))),
            Map.entry("deleteContactMethod", client -> {
                client.api(ContactMethodsApi::new).deleteContactMethod(MEMBER, "cm_5Tq8Wv2Xz4Ab6Cd8");
                return null;
            }),
            Map.entry("listTeamMembers", client -> client.api(TeamApi::new).listTeamMembers()),
            Map.entry(
                    "inviteTeamMember",
                    client -> client.api(TeamApi::new)
                            .inviteTeamMember(requestBody("inviteTeamMember", InvitationCreate.class))),
            Map.entry(
                    "changeTeamMemberRole",
                    client -> client.api(TeamApi::new)
                            .changeTeamMemberRole(MEMBER, requestBody("changeTeamMemberRole", RoleChange.class))),
            Map.entry("removeTeamMember", client -> {
                client.api(TeamApi::new).removeTeamMember(MEMBER);
                return null;
            }),
            Map.entry("revokeTeamInvitation", client -> {
                client.api(TeamApi::new).revokeTeamInvitation("orginv_4lmn321opq654");
                return null;
            }),
            Map.entry(
                    "acceptTeamInvitation",
                    client -> client.api(TeamApi::new)
                            .acceptTeamInvitation(requestBody("acceptTeamInvitation", InvitationAcceptance.class))),
            Map.entry("listMemberApiKeys", client -> client.api(TeamApi::new).listMemberApiKeys(MEMBER)),
            Map.entry("issueMemberApiKey", client -> client.api(TeamApi::new).issueMemberApiKey(MEMBER)),
            Map.entry("revokeMemberApiKey", client -> {
                client.api(TeamApi::new).revokeMemberApiKey(MEMBER, "key_7hG2kL9mN4pQ1rS3");
                return null;
            }),
            Map.entry("getHealth", client -> client.api(MetaApi::new).getHealth()),
            Map.entry("getOpenApiDocument", client -> client.api(MetaApi::new).getOpenApiDocument()),
            Map.entry("getApiReference", client -> client.api(MetaApi::new).getApiReference()),
            Map.entry("getMetrics", client -> client.api(MonitoringApi::new).getMetrics()),
            Map.entry(
                    "getResponderPage", client -> client.api(ResponderApi::new).getResponderPage(PAGE_TOKEN)),
            Map.entry(
                    "acknowledgeFromPage",
                    client -> client.api(ResponderApi::new).acknowledgeFromPage(PAGE_TOKEN)),
            Map.entry("resolveFromPage", client -> client.api(ResponderApi::new).resolveFromPage(PAGE_TOKEN)),
            Map.entry(
                    "createInboundIntegration",
                    client -> client.api(InboundIntegrationsApi::new)
                            .createInboundIntegration(
                                    requestBody("createInboundIntegration", InboundIntegrationCreate.class))),
            Map.entry(
                    "listInboundIntegrations",
                    client -> client.api(InboundIntegrationsApi::new).listInboundIntegrations()),
            Map.entry(
                    "getInboundIntegration",
                    client -> client.api(InboundIntegrationsApi::new).getInboundIntegration(INTEGRATION)),
            Map.entry("deleteInboundIntegration", client -> {
                client.api(InboundIntegrationsApi::new).deleteInboundIntegration(INTEGRATION);
                return null;
            }),
            Map.entry(
                    "setInboundSelectors",
                    client -> client.api(InboundIntegrationsApi::new)
                            .setInboundSelectors(
                                    INTEGRATION, requestBody("setInboundSelectors", InboundSelectorsInput.class))),
            Map.entry(
                    "rotateInboundIntegrationToken",
                    client -> client.api(InboundIntegrationsApi::new).rotateInboundIntegrationToken(INTEGRATION)),
            Map.entry(
                    "listIntegrationAlerts",
                    client -> client.api(AlertsApi::new).listIntegrationAlerts(INTEGRATION, null, null)),
            Map.entry(
                    "listIntegrationRejections",
                    client -> client.api(AlertsApi::new).listIntegrationRejections(INTEGRATION, null, null)),
            Map.entry(
                    "ingestGenericAlert",
                    client -> client.api(AlertsApi::new)
                            .ingestGenericAlert(requestBody("ingestGenericAlert", GenericAlert.class))),
            Map.entry(
                    "ingestAlertmanagerAlerts",
                    client -> client.api(AlertsApi::new)
                            .ingestAlertmanagerAlerts(
                                    requestBody("ingestAlertmanagerAlerts", AlertmanagerWebhook.class))),
            Map.entry(
                    "ingestGrafanaAlerts",
                    client -> client.api(AlertsApi::new)
                            .ingestGrafanaAlerts(requestBody("ingestGrafanaAlerts", GrafanaWebhook.class))),
            Map.entry("listIncidentAlerts", client -> client.api(AlertsApi::new).listIncidentAlerts(INCIDENT)));

    @FunctionalInterface
    interface ClientCall {
        Object call(ScalingClient client) throws Exception;
    }

    private static WireMockServer wireMock;
    /** One client per security scheme of the spec, holding a credential of that scheme (an ingest token, say). */
    private static final Map<String, ScalingClient> CLIENTS = new HashMap<>();

    @BeforeAll
    static void start() {
        wireMock = new WireMockServer(options().dynamicPort());
        wireMock.start();
        SPEC.model()
                .getComponents()
                .getSecuritySchemes()
                .keySet()
                .forEach(scheme -> CLIENTS.put(
                        scheme,
                        ScalingClient.builder()
                                .apiKey(credential(scheme))
                                .baseUrl(wireMock.baseUrl())
                                .build()));
    }

    private static String credential(String scheme) {
        return Credentials.wellFormed(SPEC, scheme, 'a');
    }

    private static String schemeOf(SpecOperation op) {
        return Credentials.scheme(SPEC, op).orElse(DEFAULT_SCHEME);
    }

    @AfterAll
    static void stop() {
        wireMock.stop();
    }

    @Test
    void everyOperationWithExamplesHasAClientCall() {
        List<String> missing = SPEC.operations().stream()
                .filter(op -> !EXAMPLES.responses(op).isEmpty() && !CALLS.containsKey(op.operationId()))
                .map(SpecOperation::label)
                .toList();
        assertEquals(
                List.of(),
                missing,
                "Operations with examples the client tests never call; add each to " + "ClientContractTest.CALLS");
    }

    @TestFactory
    Stream<DynamicContainer> theClientReadsEveryExampleWithoutLoss() {
        return SPEC.operations().stream()
                .filter(op -> CALLS.containsKey(op.operationId()))
                .map(op -> dynamicContainer(
                        op.label(),
                        EXAMPLES.responses(op).stream()
                                .map(example -> dynamicTest(
                                        example.status() + " " + example.name(), () -> replay(op, example)))));
    }

    private void replay(SpecOperation op, ResponseExample example) throws Exception {
        wireMock.resetAll();
        String requestId =
                example.body().path("requestId").asText(UUID.randomUUID().toString());
        wireMock.stubFor(request(op.method(), urlPathMatching(op.pathPattern().pattern()))
                .willReturn(aResponse()
                        .withStatus(example.status())
                        .withHeader("Content-Type", example.mediaType())
                        .withHeader("X-Request-Id", requestId)
                        .withBody(example.body().toString())));
        String where = op.label() + " example " + example.status() + " " + example.name();

        Object result = null;
        ScalingApiException error = null;
        try {
            result = CALLS.get(op.operationId()).call(CLIENTS.get(schemeOf(op)));
        } catch (ScalingApiException e) {
            error = e;
        }

        requestsAreValid(where, "Bearer " + credential(schemeOf(op)));
        if (example.status() >= 400) {
            if (error == null) {
                fail(where + ": the client returned " + result + " instead of throwing the error");
            }
            assertEquals(example.status(), error.statusCode(), where);
            assertEquals(example.body().path("type").asText(), error.type(), where + ": type");
            assertEquals(example.body().path("code").asText(), error.code(), where + ": code");
            assertEquals(requestId, error.requestId(), where + ": requestId");
            assertEquals(example.body().path("message").asText(), error.getMessage(), where + ": message");
        } else {
            if (error != null) {
                throw new AssertionError(where + ": the client failed on a documented success", error);
            }
            List<String> losses = new ArrayList<>();
            RoundTrip.compare(example.body(), CLIENT_JSON.valueToTree(result), "", losses);
            assertTrue(
                    losses.isEmpty(),
                    () -> where + ": the client lost or changed fields:\n  - " + String.join("\n  - ", losses));
        }
    }

    /**
     * Every request WireMock saw (retries included) must be one the spec allows, carrying the credential of the
     * operation's security scheme.
     */
    private static void requestsAreValid(String where, String authorization) {
        List<LoggedRequest> requests = wireMock.getAllServeEvents().stream()
                .map(event -> event.getRequest())
                .toList();
        assertTrue(!requests.isEmpty(), where + ": the client sent nothing");
        for (LoggedRequest logged : requests) {
            Map<String, List<String>> headers = new HashMap<>();
            for (HttpHeader header : logged.getHeaders().all()) {
                headers.put(header.key(), header.values());
            }
            String body = logged.getBodyAsString();
            WireRequest sent = WireRequest.of(
                    logged.getMethod().getName(),
                    logged.getUrl(),
                    headers,
                    body == null || body.isEmpty() ? null : body);
            assertEquals(authorization, logged.getHeader("Authorization"), where + ": credential sent");
            List<String> problems = ExchangeValidator.current().requestProblems(sent);
            assertTrue(
                    problems.isEmpty(),
                    () -> where + ": the client sent " + sent.line() + " which the spec does not allow:\n  - "
                            + String.join("\n  - ", problems));
        }
    }

    private static <T> T requestBody(String operationId, Class<T> type) throws Exception {
        return CLIENT_JSON.treeToValue(requestExample(operationId), type);
    }

    private static JsonNode requestExample(String operationId) {
        return EXAMPLES.request(SPEC.operation(operationId))
                .orElseThrow(() -> new IllegalStateException(operationId + " has no request example in the spec"));
    }
}
