package cloud.scaling.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import cloud.scaling.orgs.Provisioned;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.ApiResponse;
import cloud.scaling.support.CapturedLogs;
import cloud.scaling.support.EscalationPolicyFixture;
import cloud.scaling.support.IntegrationFixture;
import cloud.scaling.support.RoutingPolicyFixture;
import cloud.scaling.support.TestServer;
import cloud.scaling.telemetry.RequestTelemetry;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Alerts in, incidents out: integrations, routing by selectors and fallbacks, dedup, resolution, bad input. */
class AlertIngestTest {

    private final TestServer server = TestServer.shared();
    private Provisioned admin;
    private ApiClient api;

    @BeforeEach
    void organization() {
        admin = server.newOrganization();
        api = server.api(admin.apiKey());
    }

    @Test
    void theProviderReadsBackTheSelectorsItWrote() {
        JsonNode created = IntegrationFixture.named("Datadog").create(api);
        String id = created.get("id").asText();
        assertTrue(id.startsWith("int_"), id);
        assertTrue(created.get("token")
                .asText()
                .startsWith(created.get("tokenPrefix").asText()));
        assertTrue(created.get("routingPolicyId").isNull());
        assertEquals(0, created.get("selectors").size());
        String rp = policy("Payments", "incident");
        String body = """
                {"selectors": [
                  {"matchers": [{"key": "service", "value": "payments"}, {"key": "env", "value": "prod"}],
                   "routingPolicyId": "%s"},
                  {"matchers": [{"key": "env", "value": "staging"}], "routingPolicyId": "%s"}]}""".formatted(rp, rp);
        JsonNode set = api.put("/v1/integrations/inbound/" + id + "/selectors", body)
                .assertStatus(200)
                .data();
        JsonNode read =
                api.get("/v1/integrations/inbound/" + id).assertStatus(200).data();
        assertEquals(set, read);
        assertEquals(
                "service",
                read.get("selectors").get(0).get("matchers").get(0).get("key").asText());
        assertEquals(
                "staging",
                read.get("selectors").get(1).get("matchers").get(0).get("value").asText());
        assertFalse(read.has("token"), "the token is shown only once");
        assertEquals(
                id,
                api.get("/v1/integrations/inbound")
                        .assertStatus(200)
                        .data()
                        .get("integrations")
                        .get(0)
                        .get("id")
                        .asText());
        assertEquals(
                0,
                api.put("/v1/integrations/inbound/" + id + "/selectors", "{\"selectors\":[]}")
                        .assertStatus(200)
                        .data()
                        .get("selectors")
                        .size(),
                "[] clears");

        api.uncheckedRequests("a selector without matchers")
                .put(
                        "/v1/integrations/inbound/" + id + "/selectors",
                        "{\"selectors\":[{\"matchers\":[]," + "\"routingPolicyId\":\"" + rp + "\"}]}")
                .assertError(422, "validation_error", "too_short");
        String foreignPolicy = server.api(server.newOrganization().apiKey())
                .get("/v1/routing/policies")
                .data()
                .get(0)
                .get("id")
                .asText();
        api.put(
                        "/v1/integrations/inbound/" + id + "/selectors",
                        "{\"selectors\":[{\"matchers\":[{\"key\":\"a\"," + "\"value\":\"b\"}],\"routingPolicyId\":\""
                                + foreignPolicy + "\"}]}")
                .assertError(400, "invalid_request_error", "invalid_routing_policy_id");
    }

    @Test
    void anotherOrganizationsIntegrationIsNotFound() {
        String id = IntegrationFixture.named("Mine").create(api).get("id").asText();
        ApiClient other = server.api(server.newOrganization().apiKey());
        other.get("/v1/integrations/inbound/" + id).assertError(404, "invalid_request_error", "not_found");
        other.put("/v1/integrations/inbound/" + id + "/selectors", "{\"selectors\":[]}")
                .assertError(404, "invalid_request_error", "not_found");
        other.send("POST", "/v1/integrations/inbound/" + id + "/token", null, null)
                .assertError(404, "invalid_request_error", "not_found");
        other.send("DELETE", "/v1/integrations/inbound/" + id, null, null)
                .assertError(404, "invalid_request_error", "not_found");
        assertEquals(
                0,
                other.get("/v1/integrations/inbound").data().get("integrations").size());
    }

    @Test
    void everyOutcomeAndTheDefaultPolicy() {
        String token =
                IntegrationFixture.named("Generic").create(api).get("token").asText();
        // The default policy: critical and high open incidents, medium is a provisional page, low a notification.
        JsonNode critical =
                ingest(token, generic("crit", "critical", "firing", "{}")).get(0);
        assertEquals("incident", critical.get("outcome").asText());
        assertFalse(critical.get("incidentId").isNull());
        JsonNode incident = api.get(
                        "/v1/incidents/" + critical.get("incidentId").asText())
                .assertStatus(200)
                .data();
        assertEquals("Alert crit", incident.get("title").asText());
        assertEquals("critical", incident.get("severity").asText());
        assertEquals(admin.userId(), incident.get("createdBy").asText(), "the integration's creator");
        JsonNode medium =
                ingest(token, generic("med", "medium", "firing", "{}")).get(0);
        assertEquals("provisional_page", medium.get("outcome").asText());
        assertFalse(medium.get("incidentId").isNull());
        JsonNode low = ingest(token, generic("low", "low", "firing", "{}")).get(0);
        assertEquals("notification", low.get("outcome").asText());
        assertTrue(low.get("incidentId").isNull());

        String dropping = policy("Quiet", "drop");
        String quietToken = IntegrationFixture.named("Quiet")
                .routingPolicy(dropping)
                .create(api)
                .get("token")
                .asText();
        JsonNode dropped =
                ingest(quietToken, generic("any", "critical", "firing", "{}")).get(0);
        assertEquals("drop", dropped.get("outcome").asText());
        assertEquals(dropping, dropped.get("routingPolicyId").asText(), "the integration's own policy");
        assertTrue(dropped.get("incidentId").isNull());
        assertEquals(
                1,
                count(
                        "SELECT COUNT(*) FROM alerts WHERE id = ?",
                        dropped.get("id").asText()),
                "a dropped alert is stored");
    }

    @Test
    void theFirstMatchingSelectorWinsIgnoringCaseElseTheFallbacks() {
        String paging = policy("Paging", "incident");
        String dropping = policy("Dropping", "drop");
        String integrationPolicy = policy("Notifying", "notification");
        JsonNode created = IntegrationFixture.named("Prom")
                .routingPolicy(integrationPolicy)
                .create(api);
        String token = created.get("token").asText();
        api.put("/v1/integrations/inbound/" + created.get("id").asText() + "/selectors", """
                        {"selectors": [
                          {"matchers": [{"key": "service", "value": "Payments"}, {"key": "env", "value": "PROD"}],
                           "routingPolicyId": "%s"},
                          {"matchers": [{"key": "service", "value": "payments"}], "routingPolicyId": "%s"}]}""".formatted(
                                paging, dropping))
                .assertStatus(200);

        assertEquals(
                paging,
                ingest(token, generic("a", "low", "firing", "{\"service\":\"payments\",\"env\":\"prod\"}"))
                        .get(0)
                        .get("routingPolicyId")
                        .asText());
        assertEquals(
                dropping,
                ingest(token, generic("b", "low", "firing", "{\"service\":\"PAYMENTS\",\"env\":\"staging\"}"))
                        .get(0)
                        .get("routingPolicyId")
                        .asText(),
                "the first row misses on env, the second matches");
        assertEquals(
                integrationPolicy,
                ingest(token, generic("c", "low", "firing", "{\"service\":\"search\"}"))
                        .get(0)
                        .get("routingPolicyId")
                        .asText());
        api.send("DELETE", "/v1/routing/policies/" + integrationPolicy, null, null)
                .assertStatus(204);
        String defaultPolicy =
                api.get("/v1/routing/policies").data().get(0).get("id").asText();
        assertEquals(
                defaultPolicy,
                ingest(token, generic("d", "low", "firing", "{}"))
                        .get(0)
                        .get("routingPolicyId")
                        .asText(),
                "a deleted policy falls through to the default");
    }

    @Test
    void fiftyConcurrentDeliveriesOpenOneIncidentAndPageOnce() throws Exception {
        String escalation = EscalationPolicyFixture.named("Primary")
                .pagingUsers(300, admin.userId())
                .create(api);
        String rp = policy("Page primary", "incident");
        JsonNode detail = api.get("/v1/routing/policies/" + rp).data();
        api.put("/v1/routing/policies/" + rp, rules(detail.get("name").asText(), "incident", escalation))
                .assertStatus(200);
        String token = IntegrationFixture.named("Storm")
                .routingPolicy(rp)
                .create(api)
                .get("token")
                .asText();

        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Callable<ApiResponse>> deliveries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            deliveries.add(() -> deliver(token, "/v1/alerts/generic", generic("storm", "critical", "firing", "{}")));
        }
        Set<String> incidents = new HashSet<>();
        for (Future<ApiResponse> reply : pool.invokeAll(deliveries)) {
            incidents.add(reply.get()
                    .assertStatus(202)
                    .data()
                    .get("alerts")
                    .get(0)
                    .get("incidentId")
                    .asText());
        }
        pool.shutdown();
        assertEquals(1, incidents.size(), "every delivery attached to the one incident");
        String incidentId = incidents.iterator().next();
        assertEquals(1, count("SELECT COUNT(*) FROM incidents WHERE org_id = ?", admin.orgId()));
        JsonNode incident = api.get("/v1/incidents/" + incidentId).data();
        assertEquals(1, incident.get("pages").size(), "paged once");
        JsonNode alerts = api.get("/v1/incidents/" + incidentId + "/alerts")
                .assertStatus(200)
                .data()
                .get("alerts");
        assertEquals(1, alerts.size());
        assertEquals(50, alerts.get(0).get("deliveries").asInt(), "every redelivery recorded");
    }

    @Test
    void resolvingTheAlertResolvesItsIncidentStepByStep() {
        String token =
                IntegrationFixture.named("Resolver").create(api).get("token").asText();
        String incidentId = ingest(token, generic("disk", "high", "firing", "{}"))
                .get(0)
                .get("incidentId")
                .asText();
        JsonNode resolved =
                ingest(token, generic("disk", "high", "resolved", "{}")).get(0);
        assertEquals("resolved", resolved.get("status").asText());
        assertFalse(resolved.get("resolvedAt").isNull());
        JsonNode incident = api.get("/v1/incidents/" + incidentId).data();
        assertEquals("resolved", incident.get("status").asText());
        List<String> history = new ArrayList<>();
        incident.get("statusHistory")
                .forEach(step -> history.add(step.get("status").asText()));
        assertEquals(List.of("investigating", "identified", "monitoring", "resolved"), history);
        assertTrue(incident.get("statusHistory")
                .get(3)
                .get("resolutionNote")
                .asText()
                .contains("Resolver"));

        // Redelivering the resolve changes nothing; firing again is a new episode with a new incident.
        assertEquals(
                resolved.get("id"),
                ingest(token, generic("disk", "high", "resolved", "{}")).get(0).get("id"));
        String second = ingest(token, generic("disk", "high", "firing", "{}"))
                .get(0)
                .get("incidentId")
                .asText();
        assertNotEquals(incidentId, second);
    }

    @Test
    void anIncidentResolvedByHandDoesNotSwallowTheNextFiring() {
        String token =
                IntegrationFixture.named("Manual").create(api).get("token").asText();
        String first = ingest(token, generic("cpu", "high", "firing", "{}"))
                .get(0)
                .get("incidentId")
                .asText();
        for (String status : List.of("identified", "monitoring", "resolved")) {
            api.patch("/v1/incidents/" + first + "/status", "{\"status\":\"" + status + "\"}")
                    .assertStatus(200);
        }
        String second = ingest(token, generic("cpu", "high", "firing", "{}"))
                .get(0)
                .get("incidentId")
                .asText();
        assertNotEquals(first, second);
    }

    @Test
    void alertmanagerPayloadsMapLabelsFingerprintAndSeverity() {
        JsonNode created =
                IntegrationFixture.named("Prometheus").type("alertmanager").create(api);
        String token = created.get("token").asText();
        String payload = """
                {"version":"4","groupKey":"{}:{alertname=\\"HighErrorRate\\"}","truncatedAlerts":0,"status":"firing",
                 "receiver":"scaling","groupLabels":{"alertname":"HighErrorRate"},"commonLabels":{},
                 "commonAnnotations":{},"externalURL":"http://alertmanager:9093","alerts":[
                 {"status":"firing","labels":{"alertname":"HighErrorRate","severity":"warning","service":"payments"},
                  "annotations":{"summary":"Error rate above 5%"},"startsAt":"2026-04-08T10:00:00.123456789Z",
                  "endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prometheus:9090/graph","fingerprint":"fp1"},
                 {"status":"firing","labels":{"alertname":"DiskFull"},"annotations":{},
                  "startsAt":"2026-04-08T10:00:00Z","endsAt":"0001-01-01T00:00:00Z","fingerprint":"fp2"}]}""";
        JsonNode alerts = deliver(token, "/v1/alerts/alertmanager", payload)
                .assertStatus(202)
                .data()
                .get("alerts");
        assertEquals("fp1", alerts.get(0).get("dedupKey").asText());
        assertEquals("Error rate above 5%", alerts.get(0).get("title").asText());
        assertEquals("medium", alerts.get(0).get("severity").asText());
        assertEquals("payments", alerts.get(0).get("attributes").get("service").asText());
        assertEquals("DiskFull", alerts.get(1).get("title").asText());
        assertEquals("high", alerts.get(1).get("severity").asText(), "no severity label: high");

        String resolvedPayload = payload.replace("\"status\":\"firing\"", "\"status\":\"resolved\"");
        JsonNode resolved = deliver(token, "/v1/alerts/alertmanager", resolvedPayload)
                .assertStatus(202)
                .data()
                .get("alerts");
        assertEquals(
                "resolved",
                api.get("/v1/incidents/" + resolved.get(1).get("incidentId").asText())
                        .data()
                        .get("status")
                        .asText());
    }

    /** Grafana's webhook contact point, as Grafana 11 sends it (the spec's example has the same shape). */
    @Test
    void grafanaPayloadsMapLikeAlertmanagersAndAcceptGrafanasAdditions() {
        String token = IntegrationFixture.named("Grafana")
                .type("grafana")
                .create(api)
                .get("token")
                .asText();
        String payload = """
                {"receiver":"scaling","status":"firing","orgId":1,"alerts":[
                 {"status":"firing","labels":{"alertname":"High memory usage","grafana_folder":"Platform",
                  "team":"payments","severity":"Critical"},
                  "annotations":{"summary":"Memory above 90% on payments-api-1"},
                  "startsAt":"2026-04-08T10:00:00+02:00","endsAt":"0001-01-01T00:00:00Z",
                  "generatorURL":"https://grafana.example.com/alerting/grafana/b2c8a1e9/view",
                  "fingerprint":"c6eadffa33fcdf37","silenceURL":"https://grafana.example.com/alerting/silence/new",
                  "dashboardURL":"","panelURL":"","values":{"B":93.2,"C":1},
                  "valueString":"[ var='B' labels={} value=93.2 ], [ var='C' labels={} value=1 ]"},
                 {"status":"firing","labels":{"alertname":"DatasourceNoData"},"annotations":{},
                  "fingerprint":"d1","values":null}],
                 "groupLabels":{"alertname":"High memory usage"},"commonLabels":{"team":"payments"},
                 "commonAnnotations":{},"externalURL":"https://grafana.example.com/","version":"1",
                 "groupKey":"{}:{alertname=\\"High memory usage\\"}","truncatedAlerts":0,
                 "title":"[FIRING:1] High memory usage","state":"alerting","message":"**Firing**"}""";
        JsonNode alerts = deliver(token, "/v1/alerts/grafana", payload)
                .assertStatus(202)
                .data()
                .get("alerts");
        assertEquals(2, alerts.size());
        assertEquals("c6eadffa33fcdf37", alerts.get(0).get("dedupKey").asText());
        assertEquals(
                "Memory above 90% on payments-api-1", alerts.get(0).get("title").asText());
        assertEquals("critical", alerts.get(0).get("severity").asText(), "the label's case does not matter");
        assertEquals(
                "Platform",
                alerts.get(0).get("attributes").get("grafana_folder").asText());
        assertEquals("DatasourceNoData", alerts.get(1).get("title").asText());
        String incidentId = alerts.get(0).get("incidentId").asText();
        assertEquals(
                "Memory above 90% on payments-api-1",
                api.get("/v1/incidents/" + incidentId).data().get("title").asText());

        JsonNode again = deliver(token, "/v1/alerts/grafana", payload)
                .assertStatus(202)
                .data()
                .get("alerts");
        assertEquals(incidentId, again.get(0).get("incidentId").asText(), "a redelivery attaches");
        assertEquals(2, again.get(0).get("deliveries").asInt());
        JsonNode resolved = deliver(
                        token,
                        "/v1/alerts/grafana",
                        payload.replace("\"status\":\"firing\"", "\"status\":\"resolved\""))
                .assertStatus(202)
                .data()
                .get("alerts");
        assertEquals("resolved", resolved.get(0).get("status").asText());
        assertEquals(
                "resolved",
                api.get("/v1/incidents/" + incidentId).data().get("status").asText());

        String message = deliverUnchecked(
                        token,
                        "/v1/alerts/grafana",
                        "{\"status\":\"firing\",\"alerts\":[{\"status\":"
                                + "\"firing\",\"labels\":{},\"fingerprint\":\"f\",\"values\":{\"B\":\"high\"}}]}")
                .assertError(422, "validation_error", "invalid_type")
                .path("message")
                .asText();
        assertTrue(message.startsWith("alerts[0].values.B"), message);
    }

    @Test
    void aRuleWithoutEscalationPolicyPagesTheComponentsDefault() {
        String escalation = EscalationPolicyFixture.named("Payments on call")
                .pagingUsers(300, admin.userId())
                .create(api);
        String named = EscalationPolicyFixture.named("Named").create(api);
        String component = api.post(
                        "/v1/components", "{\"name\":\"Payments\",\"escalationPolicyId\":\"" + escalation + "\"}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
        String token = IntegrationFixture.named("Payments alerts")
                .component(component)
                .create(api)
                .get("token")
                .asText();

        JsonNode defaulted =
                ingest(token, generic("a", "critical", "firing", "{}")).get(0);
        JsonNode incident =
                api.get("/v1/incidents/" + defaulted.get("incidentId").asText()).data();
        assertEquals(escalation, incident.get("escalation").get("policyId").asText(), "the component's default");
        assertEquals(admin.userId(), incident.get("pages").get(0).get("userId").asText());
        assertEquals(
                component, incident.get("affectedComponents").get(0).get("id").asText());

        String rp = api.get("/v1/routing/policies").data().get(0).get("id").asText();
        api.put("/v1/routing/policies/" + rp, rules("Default routing", "incident", named))
                .assertStatus(200);
        JsonNode ruled = ingest(token, generic("b", "critical", "firing", "{}")).get(0);
        assertEquals(
                named,
                api.get("/v1/incidents/" + ruled.get("incidentId").asText())
                        .data()
                        .get("escalation")
                        .get("policyId")
                        .asText(),
                "the rule's own policy comes first");
        api.send("DELETE", "/v1/escalation/policies/" + named, null, null).assertStatus(204);
        JsonNode fallen =
                ingest(token, generic("c", "critical", "firing", "{}")).get(0);
        assertEquals(
                escalation,
                api.get("/v1/incidents/" + fallen.get("incidentId").asText())
                        .data()
                        .get("escalation")
                        .get("policyId")
                        .asText(),
                "a rule's deleted policy falls back to the default");
    }

    @Test
    void longTitlesAreCutWithoutSplittingACharacter() {
        String token = IntegrationFixture.named("Emoji")
                .type("alertmanager")
                .create(api)
                .get("token")
                .asText();
        String summary = "x".repeat(98) + "\uD83D\uDD25".repeat(100);
        String payload = """
                {"version": "4", "status": "firing", "alerts": [{"status": "firing", "labels": {"alertname": "Fire"},
                 "annotations": {"summary": "%s"}, "fingerprint": "fire"}]}""".formatted(summary);
        JsonNode alert = deliver(token, "/v1/alerts/alertmanager", payload)
                .assertStatus(202)
                .data()
                .get("alerts")
                .get(0);
        assertEquals(
                summary.substring(0, 254) + "\u2026", alert.get("title").asText(), "the cut ends in a whole emoji");
        assertTrue(alert.get("truncated").asBoolean());
        assertEquals(
                "x".repeat(98) + "\u2026",
                api.get("/v1/incidents/" + alert.get("incidentId").asText())
                        .data()
                        .get("title")
                        .asText());
        JsonNode odd = deliver(
                        token,
                        "/v1/alerts/alertmanager",
                        payload.replace(summary, "y" + summary).replace("\"fire\"", "\"fire2\""))
                .assertStatus(202)
                .data()
                .get("alerts")
                .get(0);
        assertEquals(
                "y" + "x".repeat(98) + "\u2026",
                api.get("/v1/incidents/" + odd.get("incidentId").asText())
                        .data()
                        .get("title")
                        .asText(),
                "99 would split the first emoji");
    }

    /** Dropped alerts open nothing, and still show: the integration lists every alert, newest first, paged. */
    @Test
    void anIntegrationListsEveryAlertItReceivedNewestFirst() {
        String dropping = policy("Silence", "drop");
        JsonNode created =
                IntegrationFixture.named("Noisy").routingPolicy(dropping).create(api);
        String id = created.get("id").asText();
        String token = created.get("token").asText();
        List<String> sent = new ArrayList<>();
        try {
            for (String key : List.of("one", "two", "three")) {
                server.clock()
                        .pin(java.time.Instant.parse("2026-04-08T10:00:00Z").plusSeconds(sent.size()));
                sent.add(
                        0,
                        ingest(token, generic(key, "low", "firing", "{}"))
                                .get(0)
                                .get("id")
                                .asText());
            }
        } finally {
            server.clock().release();
        }
        JsonNode first = api.get("/v1/integrations/inbound/" + id + "/alerts?limit=2")
                .assertStatus(200)
                .data();
        assertEquals(2, first.get("alerts").size());
        assertEquals("drop", first.get("alerts").get(0).get("outcome").asText());
        assertTrue(first.get("alerts").get(0).get("incidentId").isNull());
        JsonNode second = api.get("/v1/integrations/inbound/" + id + "/alerts?limit=2&cursor="
                        + first.get("nextCursor").asText())
                .assertStatus(200)
                .data();
        assertTrue(second.get("nextCursor").isNull());
        List<String> listed = new ArrayList<>();
        first.get("alerts").forEach(alert -> listed.add(alert.get("id").asText()));
        second.get("alerts").forEach(alert -> listed.add(alert.get("id").asText()));
        assertEquals(sent, listed);

        ApiClient other = server.api(server.newOrganization().apiKey());
        other.get("/v1/integrations/inbound/" + id + "/alerts").assertError(404, "invalid_request_error", "not_found");
        String foreignIntegration = other.post(
                        "/v1/integrations/inbound", "{\"name\":\"Theirs\",\"type\":" + "\"generic\"}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
        api.get("/v1/integrations/inbound/" + foreignIntegration + "/alerts?cursor="
                        + first.get("nextCursor").asText())
                .assertError(404, "invalid_request_error", "not_found");
    }

    @Test
    void wrongOrRotatedTokensAreRefusedAndNothingIsStored() {
        JsonNode created = IntegrationFixture.named("Rotating").create(api);
        String id = created.get("id").asText();
        String old = created.get("token").asText();
        String fresh = api.send("POST", "/v1/integrations/inbound/" + id + "/token", null, null)
                .assertStatus(200)
                .data()
                .get("token")
                .asText();
        assertNotEquals(old, fresh);
        deliver(old, "/v1/alerts/generic", generic("x", "critical", "firing", "{}"))
                .assertError(401, "not_authorized_error", "invalid_api_key");
        assertTrue(deliver(admin.apiKey(), "/v1/alerts/generic", generic("x", "critical", "firing", "{}"))
                .assertError(401, "not_authorized_error", "wrong_credential")
                .path("message")
                .asText()
                .contains("not an API key"));
        assertTrue(server.api(fresh)
                .get("/v1/incidents")
                .assertError(401, "not_authorized_error", "wrong_credential")
                .path("message")
                .asText()
                .contains("send an API key"));
        String grafana = IntegrationFixture.named("Grafana")
                .type("grafana")
                .create(api)
                .get("token")
                .asText();
        assertTrue(deliver(grafana, "/v1/alerts/generic", generic("x", "critical", "firing", "{}"))
                .assertError(401, "not_authorized_error", "wrong_credential")
                .path("message")
                .asText()
                .contains("POST /v1/alerts/grafana"));
        deliverUnchecked(null, "/v1/alerts/generic", generic("x", "critical", "firing", "{}"))
                .assertError(401, "not_authorized_error", "missing_authorization_header");
        assertEquals(0, count("SELECT COUNT(*) FROM alerts WHERE org_id = ?", admin.orgId()));
        deliver(fresh, "/v1/alerts/generic", generic("x", "critical", "firing", "{}"))
                .assertStatus(202);

        api.send("DELETE", "/v1/integrations/inbound/" + id, null, null).assertStatus(204);
        deliver(fresh, "/v1/alerts/generic", generic("y", "critical", "firing", "{}"))
                .assertError(401, "not_authorized_error", "invalid_api_key");
        assertEquals(1, count("SELECT COUNT(*) FROM alerts WHERE org_id = ?", admin.orgId()));
    }

    @Test
    void malformedPayloadsNameTheFieldAndStoreNothing() {
        String token = IntegrationFixture.named("Strict")
                .type("alertmanager")
                .create(api)
                .get("token")
                .asText();
        assertTrue(deliverUnchecked(
                        token, "/v1/alerts/generic", "{\"title\":\"t\",\"severity\":\"urgent\",\"dedupKey\":\"k\"}")
                .assertError(422, "validation_error", "invalid_enum_value")
                .path("message")
                .asText()
                .startsWith("severity"));
        assertTrue(deliverUnchecked(token, "/v1/alerts/generic", "{\"title\":\"t\",\"severity\":\"low\"}")
                .assertError(422, "validation_error", "missing_field")
                .path("message")
                .asText()
                .startsWith("dedupKey"));
        assertTrue(deliverUnchecked(token, "/v1/alerts/generic", generic("k", "low", "firing", "{\"n\":1}"))
                .assertError(422, "validation_error", "invalid_type")
                .path("message")
                .asText()
                .startsWith("attributes.n"));
        assertTrue(deliverUnchecked(
                        token,
                        "/v1/alerts/alertmanager",
                        "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":" + "[{\"labels\":{\"a\":\"b\"}}]}")
                .assertError(422, "validation_error", "missing_field")
                .path("message")
                .asText()
                .contains("status"));
        assertEquals(0, count("SELECT COUNT(*) FROM alerts WHERE org_id = ?", admin.orgId()));
    }

    /** A rejected alert leaves three traces: its record, one log line, and the counter an alert rule reads. */
    @Test
    void aRejectedAlertIsRecordedLoggedAndCounted() {
        String token = IntegrationFixture.named("Counted")
                .type("alertmanager")
                .create(api)
                .get("token")
                .asText();
        double before = metric("scaling_alerts_total{outcome=\"rejected\",source=\"alertmanager\"}");
        double taken = metric("scaling_alerts_total{outcome=\"taken\",source=\"alertmanager\"}");
        Logger access = (Logger) LoggerFactory.getLogger(RequestTelemetry.class);
        Level level = access.getLevel();
        access.setLevel(Level.INFO);
        try (CapturedLogs logs = CapturedLogs.of(AlertIntake.class, RequestTelemetry.class)) {
            deliver(token, "/v1/alerts/alertmanager", """
                            {"version": "4", "status": "firing", "alerts": [{"status": "firing", "labels": {}},
                             {"status": "firing", "labels": {"alertname": "Up"}}]}""").assertStatus(202);
            assertTrue(
                    logs.anyContains("Alert 0 of a notification from alertmanager to integration "),
                    () -> logs.lines().toString());
            assertTrue(
                    logs.anyContains("outcome=\"alerts=2 taken=1 rejected=1 truncated=0 paged=0\""),
                    () -> logs.lines().toString());
        } finally {
            access.setLevel(level);
        }
        assertEquals(before + 1, metric("scaling_alerts_total{outcome=\"rejected\",source=\"alertmanager\"}"));
        assertEquals(taken + 1, metric("scaling_alerts_total{outcome=\"taken\",source=\"alertmanager\"}"));
        assertEquals(1, count("SELECT COUNT(*) FROM alert_rejections WHERE org_id = ?", admin.orgId()));
    }

    /** A series of /metrics, 0 when it is not there yet. */
    private double metric(String series) {
        return server.anonymous()
                .get("/metrics")
                .assertStatus(200)
                .body()
                .lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .findFirst()
                .orElse(0);
    }

    /** A cursor belongs to one list: another integration's, or another listing's, is 422 invalid_cursor. */
    @Test
    void anIntegrationsAlertListRefusesTheCursorOfAnotherList() {
        String first = IntegrationFixture.named("First").create(api).get("id").asText();
        JsonNode second = IntegrationFixture.named("Second").create(api);
        for (String key : List.of("c1", "c2", "c3")) {
            ingest(second.get("token").asText(), generic(key, "low", "firing", "{}"));
        }
        String secondsCursor = api.get(
                        "/v1/integrations/inbound/" + second.get("id").asText() + "/alerts?limit=1")
                .assertStatus(200)
                .data()
                .get("nextCursor")
                .asText();
        api.get("/v1/integrations/inbound/" + second.get("id").asText() + "/alerts?limit=1&cursor=" + secondsCursor)
                .assertStatus(200);
        api.createIncident("i1");
        api.createIncident("i2");
        String incidentsCursor = api.get("/v1/incidents?limit=1")
                .assertStatus(200)
                .data()
                .get("nextCursor")
                .asText();
        for (String foreign : List.of(secondsCursor, incidentsCursor)) {
            api.get("/v1/integrations/inbound/" + first + "/alerts?cursor=" + foreign)
                    .assertError(422, "validation_error", "invalid_cursor");
        }
    }

    /** A routing policy whose four rules all have this outcome. */
    private String policy(String name, String outcome) {
        return api.post("/v1/routing/policies", rules(name, outcome, null))
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
    }

    private static String rules(String name, String outcome, String escalationPolicyId) {
        RoutingPolicyFixture policy = RoutingPolicyFixture.named(name);
        for (String severity : List.of("critical", "high", "medium", "low")) {
            policy.rule(severity, outcome, escalationPolicyId);
        }
        return policy.json();
    }

    private static String generic(String key, String severity, String status, String attributes) {
        return """
                {"title": "Alert %s", "severity": "%s", "dedupKey": "%s", "status": "%s", "attributes": %s}""".formatted(key, severity, key, status, attributes);
    }

    private JsonNode ingest(String token, String body) {
        return deliver(token, "/v1/alerts/generic", body)
                .assertStatus(202)
                .data()
                .get("alerts");
    }

    private ApiResponse deliver(String token, String path, String body) {
        return Senders.deliver(api, token, path, body);
    }

    /** A notification the spec does not allow (no token, a malformed body), sent on purpose. */
    private ApiResponse deliverUnchecked(String token, String path, String body) {
        return Senders.deliver(api.uncheckedRequests("a notification the spec refuses"), token, path, body);
    }

    private int count(String sql, Object... args) {
        return ((Number) server.query(sql, args).get(0).get(0)).intValue();
    }
}
