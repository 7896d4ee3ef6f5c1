package cloud.scaling.contract.server.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.ServerContractTest;
import cloud.scaling.contract.spec.SpecExamples;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * Alerts in, incidents out, over the wire: an inbound integration's life (token shown once, selectors as the
 * Terraform provider writes and reads them, rotation, deletion), and the three ingest formats with the spec's own
 * sample payloads (Alertmanager v4, Grafana's webhook contact point, generic), redelivery, resolution, and an
 * incident's alerts. Routing outcomes and concurrency are tested in the server module.
 */
class AlertsContractTest extends ServerContractTest {

    private static final SpecExamples EXAMPLES = new SpecExamples(SPEC.text());
    private static final String INTEGRATIONS = "/v1/integrations/inbound";

    private final Org org = newOrg();

    @Test
    void integrationLifecycleWithSelectorsAsTheTerraformProviderWritesThem() {
        JsonNode created = createIntegration(org, "{\"name\": \"Prometheus production\", \"type\": \"alertmanager\"}");
        String id = created.get("id").asText();
        String path = INTEGRATIONS + "/" + id;
        assertTrue(created.get("token")
                .asText()
                .startsWith(created.get("tokenPrefix").asText()));

        JsonNode read = http.get(path).as(org).send().expect(200).data();
        assertFalse(read.has("token"), "the token is shown only once");
        assertEquals(
                id,
                http.get(INTEGRATIONS)
                        .as(org)
                        .send()
                        .expect(200)
                        .data()
                        .get("integrations")
                        .get(0)
                        .get("id")
                        .asText());

        String policy = http.get("/v1/routing/policies")
                .as(org)
                .send()
                .expect(200)
                .data()
                .get(0)
                .get("id")
                .asText();
        String selectors = "{\"selectors\": [{\"matchers\": [{\"key\": \"service\", \"value\": \"payments\"}, "
                + "{\"key\": \"env\", \"value\": \"prod\"}], \"routingPolicyId\": \"" + policy + "\"}]}";
        JsonNode written = http.put(path + "/selectors")
                .as(org)
                .json(selectors)
                .send()
                .expect(200)
                .data();
        assertEquals(written, http.get(path).as(org).send().expect(200).data(), "read back exactly as written");
        assertEquals(
                "env",
                written.get("selectors")
                        .get(0)
                        .get("matchers")
                        .get(1)
                        .get("key")
                        .asText());
        assertEquals(
                0,
                http.put(path + "/selectors")
                        .as(org)
                        .json("{\"selectors\": []}")
                        .send()
                        .expect(200)
                        .data()
                        .get("selectors")
                        .size(),
                "[] clears");

        http.delete(path).as(org).send().expect(204);
        http.get(path).as(org).send().expectError(404, "not_found");
        http.post("/v1/alerts/alertmanager")
                .key(created.get("token").asText())
                .json(example("ingestAlertmanagerAlerts"))
                .send()
                .expectError(401, "invalid_api_key");
    }

    @Test
    void referencesToAnotherOrganizationsObjectsAreRefused() {
        Org other = newOrg();
        String foreignPolicy = http.get("/v1/routing/policies")
                .as(other)
                .send()
                .expect(200)
                .data()
                .get(0)
                .get("id")
                .asText();
        http.post(INTEGRATIONS)
                .as(org)
                .json("{\"name\": \"X\", \"type\": \"generic\", \"routingPolicyId\": \"" + foreignPolicy + "\"}")
                .send()
                .expectError(400, "invalid_routing_policy_id");
        String id = createIntegration(org, "{\"name\": \"X\", \"type\": \"generic\"}")
                .get("id")
                .asText();
        http.put(INTEGRATIONS + "/" + id + "/selectors")
                .as(org)
                .json("{\"selectors\": [{\"matchers\": [{\"key\": "
                        + "\"a\", \"value\": \"b\"}], \"routingPolicyId\": \"" + foreignPolicy + "\"}]}")
                .send()
                .expectError(400, "invalid_routing_policy_id");
        http.put(INTEGRATIONS + "/" + id + "/selectors")
                .as(other)
                .json("{\"selectors\": []}")
                .send()
                .expectError(404, "not_found");
        http.put(INTEGRATIONS + "/" + id + "/selectors")
                .as(org)
                .json("{\"selectors\": [null]}")
                .breakingSpec("a null selector")
                .send()
                .expectError(422, "missing_field", "selectors[0]");
    }

    @Test
    void rotationRetiresTheOldToken() {
        JsonNode created = createIntegration(org, "{\"name\": \"Generic\", \"type\": \"generic\"}");
        String old = created.get("token").asText();
        JsonNode rotated = http.post(INTEGRATIONS + "/" + created.get("id").asText() + "/token")
                .as(org)
                .send()
                .expect(200)
                .data();
        String fresh = rotated.get("token").asText();
        assertNotEquals(old, fresh);
        assertNotEquals(created.get("tokenPrefix"), rotated.get("tokenPrefix"));
        http.post("/v1/alerts/generic")
                .key(old)
                .json(example("ingestGenericAlert"))
                .send()
                .expectError(401, "invalid_api_key");
        http.post("/v1/alerts/generic")
                .key(fresh)
                .json(example("ingestGenericAlert"))
                .send()
                .expect(202);
    }

    @Test
    void alertmanagerRedeliveryAttachesAndItsResolveResolvesTheIncident() {
        String token = createIntegration(org, "{\"name\": \"Prometheus\", \"type\": \"alertmanager\"}")
                .get("token")
                .asText();
        JsonNode payload = example("ingestAlertmanagerAlerts");
        JsonNode first = ingest("/v1/alerts/alertmanager", token, payload).get(0);
        assertEquals("5b2c8a1e9d4f7a30", first.get("dedupKey").asText(), "the fingerprint is the dedup key");
        assertEquals("Payments API error rate above 5%", first.get("title").asText());
        assertEquals("critical", first.get("severity").asText());
        String incidentId = first.get("incidentId").asText();

        JsonNode again = ingest("/v1/alerts/alertmanager", token, payload).get(0);
        assertEquals(incidentId, again.get("incidentId").asText(), "a redelivery opens no second incident");
        assertEquals(2, again.get("deliveries").asInt());
        JsonNode alerts = http.get("/v1/incidents/" + incidentId + "/alerts")
                .as(org)
                .send()
                .expect(200)
                .data()
                .get("alerts");
        assertEquals(1, alerts.size());
        assertEquals(first.get("id"), alerts.get(0).get("id"));

        JsonNode resolved = ingest("/v1/alerts/alertmanager", token, withStatus(payload, "resolved"))
                .get(0);
        assertEquals("resolved", resolved.get("status").asText());
        assertEquals(
                "resolved",
                http.get("/v1/incidents/" + incidentId)
                        .as(org)
                        .send()
                        .expect(200)
                        .data()
                        .get("status")
                        .asText());
    }

    @Test
    void grafanaContactPointPayloadOpensAnIncidentAndResolvesIt() {
        String token = createIntegration(org, "{\"name\": \"Grafana\", \"type\": \"grafana\"}")
                .get("token")
                .asText();
        JsonNode payload = example("ingestGrafanaAlerts");
        JsonNode alert = ingest("/v1/alerts/grafana", token, payload).get(0);
        assertEquals("c6eadffa33fcdf37", alert.get("dedupKey").asText());
        assertEquals("Memory above 90% on payments-api-1", alert.get("title").asText());
        assertEquals("medium", alert.get("severity").asText(), "severity: warning");
        assertEquals("Platform", alert.get("attributes").get("grafana_folder").asText());
        String incidentId = alert.get("incidentId").asText();
        assertEquals(
                incidentId,
                ingest("/v1/alerts/grafana", token, payload)
                        .get(0)
                        .get("incidentId")
                        .asText());
        ingest("/v1/alerts/grafana", token, withStatus(payload, "resolved"));
        assertEquals(
                "resolved",
                http.get("/v1/incidents/" + incidentId)
                        .as(org)
                        .send()
                        .expect(200)
                        .data()
                        .get("status")
                        .asText());
    }

    @Test
    void genericAlertsNeedTheirIngestTokenAndAValidBody() {
        String token = createIntegration(org, "{\"name\": \"Generic\", \"type\": \"generic\"}")
                .get("token")
                .asText();
        JsonNode alert = example("ingestGenericAlert");
        http.post("/v1/alerts/generic")
                .json(alert)
                .breakingSpec("no Authorization header")
                .send()
                .expectError(401, "missing_authorization_header");
        http.post("/v1/alerts/generic").key(org.apiKey()).json(alert).send().expectError(401, "wrong_credential");
        http.get(INTEGRATIONS).key(token).send().expectError(401, "wrong_credential");
        ObjectNode untitled = alert.deepCopy();
        untitled.remove("title");
        http.post("/v1/alerts/generic")
                .key(token)
                .json(untitled)
                .breakingSpec("no title")
                .send()
                .expectError(422, "missing_field", "title");
        JsonNode accepted = ingest("/v1/alerts/generic", token, alert).get(0);
        assertEquals("payments-error-rate", accepted.get("dedupKey").asText());
        assertEquals("payments", accepted.get("attributes").get("service").asText());
    }

    @Test
    void anotherOrganizationsTokenCannotTouchThisOrganizationsIncidents() {
        String token = createIntegration(org, "{\"name\": \"Mine\", \"type\": \"generic\"}")
                .get("token")
                .asText();
        JsonNode alert = example("ingestGenericAlert");
        String incidentId = ingest("/v1/alerts/generic", token, alert)
                .get(0)
                .get("incidentId")
                .asText();
        Org other = newOrg();
        String foreignToken = createIntegration(other, "{\"name\": \"Theirs\", \"type\": \"generic\"}")
                .get("token")
                .asText();

        JsonNode theirs = ingest("/v1/alerts/generic", foreignToken, withStatus(alert, "resolved"))
                .get(0);
        assertTrue(theirs.get("incidentId").isNull(), "their resolve of the same key found nothing of theirs");
        JsonNode incident = http.get("/v1/incidents/" + incidentId)
                .as(org)
                .send()
                .expect(200)
                .data();
        assertEquals("investigating", incident.get("status").asText(), "our incident is untouched");
        JsonNode fired = ingest("/v1/alerts/generic", foreignToken, alert).get(0);
        assertNotEquals(incidentId, fired.get("incidentId").asText(), "their firing opens their own incident");
        assertEquals(
                1,
                http.get("/v1/incidents/" + incidentId + "/alerts")
                        .as(org)
                        .send()
                        .expect(200)
                        .data()
                        .get("alerts")
                        .get(0)
                        .get("deliveries")
                        .asInt());
        http.get("/v1/incidents/" + incidentId + "/alerts").as(other).send().expectError(404, "not_found");
    }

    @Test
    void anIntegrationsComponentPagesItsDefaultEscalationPolicy() {
        String policy = server.policyPaging(org, "Payments on call");
        String component = http.post("/v1/components")
                .as(org)
                .json("{\"name\": \"Payments\", " + "\"escalationPolicyId\": \"" + policy + "\"}")
                .send()
                .expect(201)
                .data()
                .get("id")
                .asText();
        String token = createIntegration(
                        org,
                        "{\"name\": \"Payments alerts\", \"type\": \"generic\", " + "\"componentId\": \"" + component
                                + "\"}")
                .get("token")
                .asText();
        String incidentId = ingest("/v1/alerts/generic", token, example("ingestGenericAlert"))
                .get(0)
                .get("incidentId")
                .asText();
        JsonNode incident = http.get("/v1/incidents/" + incidentId)
                .as(org)
                .send()
                .expect(200)
                .data();
        assertEquals(policy, incident.get("escalation").get("policyId").asText(), "the component's default");
        assertEquals(
                component, incident.get("affectedComponents").get(0).get("id").asText());
        assertEquals(org.userId(), incident.get("pages").get(0).get("userId").asText());
    }

    @Test
    void anIntegrationListsItsAlertsNewestFirst() {
        JsonNode created = createIntegration(org, "{\"name\": \"Generic\", \"type\": \"generic\"}");
        String token = created.get("token").asText();
        ObjectNode first = example("ingestGenericAlert").deepCopy();
        ObjectNode second = first.deepCopy().put("dedupKey", "second");
        String firstId =
                ingest("/v1/alerts/generic", token, first).get(0).get("id").asText();
        String secondId =
                ingest("/v1/alerts/generic", token, second).get(0).get("id").asText();
        String path = INTEGRATIONS + "/" + created.get("id").asText() + "/alerts";
        JsonNode page = http.get(path + "?limit=1").as(org).send().expect(200).data();
        assertEquals(secondId, page.get("alerts").get(0).get("id").asText());
        JsonNode next = http.get(
                        path + "?limit=1&cursor=" + page.get("nextCursor").asText())
                .as(org)
                .send()
                .expect(200)
                .data();
        assertEquals(firstId, next.get("alerts").get(0).get("id").asText());
    }

    private JsonNode createIntegration(Org owner, String body) {
        JsonNode created =
                http.post(INTEGRATIONS).as(owner).json(body).send().expect(201).data();
        assertTrue(created.get("token").asText().startsWith("scl_int_"), created.toString());
        return created;
    }

    private JsonNode ingest(String path, String token, JsonNode payload) {
        return http.post(path)
                .key(token)
                .json(payload)
                .send()
                .expect(202)
                .data()
                .get("alerts");
    }

    private static JsonNode example(String operationId) {
        return EXAMPLES.request(SPEC.operation(operationId)).orElseThrow();
    }

    /** The payload with its own status and every alert's set to {@code status}, as the sender's resolve is. */
    private static JsonNode withStatus(JsonNode payload, String status) {
        ObjectNode copy = payload.deepCopy();
        copy.put("status", status);
        if (copy.has("alerts")) {
            copy.get("alerts").forEach(alert -> ((ObjectNode) alert).put("status", status));
        }
        return copy;
    }
}
