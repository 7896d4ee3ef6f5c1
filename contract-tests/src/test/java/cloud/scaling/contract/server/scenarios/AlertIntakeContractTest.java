package cloud.scaling.contract.server.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.contract.server.support.Org;
import cloud.scaling.contract.server.support.ServerContractTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Never lose an alert: what real senders send is taken whole, whatever its size or one alert's content, keeps its
 * context, and the answer says what became of each alert. Alertmanager never retries a notification answered with a
 * 4xx, so a refusal would lose every alert of the group.
 */
class AlertIntakeContractTest extends ServerContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALERTMANAGER = "/v1/alerts/alertmanager";
    private static final String GRAFANA = "/v1/alerts/grafana";

    private final Org org = newOrg();

    /** A notification real Alertmanager 0.25 (Debian's package) sent for a group of two series, as it sent it. */
    @Test
    void aRealAlertmanagerGroupIsTakenByteForByteWithItsContext() throws IOException {
        String token = token("alertmanager");
        String payload = resource("payloads/alertmanager-0.25-group.json");
        JsonNode data = accepted(ALERTMANAGER, token, payload);
        JsonNode results = data.get("results");
        assertEquals(2, results.size());
        for (JsonNode result : results) {
            assertEquals("taken", result.get("result").asText());
            assertFalse(result.get("paged").asBoolean(), "the default routing policy names no escalation policy");
            assertEquals("no_escalation_policy", result.get("notPagedReason").asText());
        }
        JsonNode emails = data.get("alerts").get(0);
        assertEquals("fa63c5a05eb4fa5d", emails.get("dedupKey").asText());
        assertEquals(
                "The emails queue has grown for 10 minutes.",
                emails.get("description").asText());
        assertEquals(
                "https://runbooks.example.com/queues/backlog",
                emails.get("links").get("runbookUrl").asText());
        assertTrue(emails.get("links").get("sourceUrl").asText().startsWith("http://prometheus.example.com:9090/"));
        assertEquals(
                "Queue backlog growing",
                emails.get("annotations").get("summary").asText());
        assertEquals("2026-12-07T14:19:21.727Z", emails.get("startsAt").asText());
        assertEquals("no_escalation_policy", emails.get("notPagedReason").asText());

        JsonNode incident = incident(emails.get("incidentId").asText());
        assertEquals(
                "Queue backlog growing (queue=emails)", incident.get("title").asText(), "series told apart");
        String description = incident.get("description").asText();
        assertTrue(description.startsWith("The emails queue has grown for 10 minutes.\n\n"), description);
        assertTrue(description.contains("Runbook: https://runbooks.example.com/queues/backlog\n"), description);
        assertTrue(description.contains("Source: http://prometheus.example.com:9090/graph?"), description);
        assertTrue(
                description.endsWith(
                        "Labels: alertname=QueueBacklogGrowing, job=worker, queue=emails, " + "severity=warning"),
                description);
        assertEquals(
                "Queue backlog growing (queue=invoices)",
                incident(data.get("alerts").get(1).get("incidentId").asText())
                        .get("title")
                        .asText());

        JsonNode again = accepted(ALERTMANAGER, token, payload);
        assertEquals("deduplicated", again.get("results").get(0).get("result").asText());
        assertEquals(
                "deduplicated",
                again.get("results").get(0).get("notPagedReason").asText());
        assertEquals(emails.get("incidentId"), again.get("results").get(0).get("incidentId"), "joined, not reopened");
    }

    /** Grafana's documented shape: two alerts, offsets with microseconds, empty links, values. */
    @Test
    void grafanasDocumentedShapeKeepsItsLinksAndTimes() {
        String token = token("grafana");
        String payload = """
                {"receiver":"Scaling","status":"firing","orgId":1,"alerts":[
                 {"status":"firing","labels":{"alertname":"High memory usage","team":"blue","zone":"us-1"},
                  "annotations":{"description":"Memory use is high","runbook_url":"https://runbooks.example.com/memory",
                   "summary":"Triggered for zone us-1"},
                  "startsAt":"2026-10-12T09:51:03.157076+02:00","endsAt":"0001-01-01T00:00:00Z",
                  "generatorURL":"https://grafana.example.com/alerting/1afz29v7z/edit","fingerprint":"0d4f2c6eadf33f37",
                  "silenceURL":"https://grafana.example.com/alerting/silence/new?alertmanager=grafana&matchers=zone%3Dus-1",
                  "dashboardURL":"","panelURL":"","values":{"B":44.23943737541908,"C":1}},
                 {"status":"firing","labels":{"alertname":"High memory usage","team":"blue","zone":"eu-1"},
                  "annotations":{"description":"Memory use is high","summary":"Triggered for zone eu-1"},
                  "startsAt":"2026-10-12T09:56:03.157076+02:00","endsAt":"0001-01-01T00:00:00Z",
                  "generatorURL":"https://grafana.example.com/alerting/1afz29v7z/edit","fingerprint":"b13e3bc97ff14869",
                  "silenceURL":"https://grafana.example.com/alerting/silence/new?alertmanager=grafana&matchers=zone%3Deu-1",
                  "dashboardURL":"https://grafana.example.com/d/mem","panelURL":"https://grafana.example.com/d/mem?viewPanel=2",
                  "values":{"B":44.1,"C":1}}],
                 "groupLabels":{"alertname":"High memory usage"},
                 "commonLabels":{"alertname":"High memory usage","team":"blue"},
                 "commonAnnotations":{"description":"Memory use is high"},
                 "externalURL":"https://grafana.example.com/","version":"1",
                 "groupKey":"{}:{alertname=\\"High memory usage\\"}","truncatedAlerts":0,
                 "title":"[FIRING:2] High memory usage (blue)","state":"alerting",
                 "message":"**Firing**\\n\\nValue: B=44.2, C=1\\n"}""";
        JsonNode alerts = accepted(GRAFANA, token, payload).get("alerts");
        assertEquals(2, alerts.size());
        JsonNode us = alerts.get(0);
        assertEquals("2026-10-12T07:51:03.157Z", us.get("startsAt").asText(), "in UTC, to the millisecond");
        assertEquals(
                "https://runbooks.example.com/memory",
                us.get("links").get("runbookUrl").asText());
        assertTrue(us.get("links").get("silenceUrl").asText().endsWith("zone%3Dus-1"));
        assertTrue(us.get("links").get("dashboardUrl").isNull(), "an empty link is no link");
        JsonNode eu = alerts.get(1);
        assertEquals(
                "https://grafana.example.com/d/mem?viewPanel=2",
                eu.get("links").get("panelUrl").asText());
        assertTrue(eu.get("links").get("runbookUrl").isNull());
        assertEquals(
                "Triggered for zone eu-1 (zone=eu-1)",
                incident(eu.get("incidentId").asText()).get("title").asText());
    }

    @Test
    void oneOversizedAlertIsCutAndTheRestOfItsGroupTaken() {
        String token = token("alertmanager");
        ObjectNode payload = group(2);
        ObjectNode long1480 = (ObjectNode) payload.get("alerts").get(0).get("annotations");
        long1480.put("description", "d".repeat(1480));
        ObjectNode huge = (ObjectNode) payload.get("alerts").get(1).get("annotations");
        huge.put("description", "e".repeat(20_000));
        ObjectNode labels = (ObjectNode) payload.get("alerts").get(1).get("labels");
        for (int i = 0; i < 100; i++) {
            labels.put(String.format("label%03d", i), "v".repeat(2000));
        }
        JsonNode data = accepted(ALERTMANAGER, token, payload);
        JsonNode whole = data.get("alerts").get(0);
        assertFalse(whole.get("truncated").asBoolean(), "1,480 characters fit an annotation");
        assertEquals(1480, whole.get("description").asText().length());
        JsonNode cut = data.get("alerts").get(1);
        assertTrue(cut.get("truncated").asBoolean());
        assertTrue(data.get("results").get(1).get("truncated").asBoolean());
        assertEquals(4096, cut.get("annotations").get("description").asText().length());
        assertTrue(cut.get("annotations").get("description").asText().endsWith("\u2026"));
        assertEquals(64, cut.get("attributes").size(), "the first 64 labels in the order sent");
        assertEquals(1024, cut.get("attributes").get("label000").asText().length());
        assertNotEquals(whole.get("incidentId"), cut.get("incidentId"));
        assertFalse(cut.get("incidentId").isNull(), "the cut alert opened its incident too");
    }

    @Test
    void sevenHundredAlertsInOneNotificationAreAllTaken() {
        String token = token("alertmanager");
        ObjectNode payload = group(700);
        assertTrue(payload.toString().length() > 256 * 1024, "over the 256 KiB every other operation takes");
        JsonNode data = accepted(ALERTMANAGER, token, payload);
        assertEquals(700, data.get("results").size());
        assertEquals(0, data.get("alerts").size(), "beyond 100 alerts the answer names them in its results only");
        Set<String> incidents = new HashSet<>();
        Set<String> alerts = new HashSet<>();
        for (JsonNode result : data.get("results")) {
            assertEquals("taken", result.get("result").asText());
            incidents.add(result.get("incidentId").asText());
            alerts.add(result.get("alertId").asText());
        }
        assertEquals(700, incidents.size(), "one incident per series");
        assertEquals(700, alerts.size());
    }

    @Test
    void unusableAlertsAreRejectedAloneRecordedAndListed() {
        JsonNode integration = http.post("/v1/integrations/inbound")
                .as(org)
                .json("{\"name\": \"Prometheus\", \"type\": \"alertmanager\"}")
                .send()
                .expect(201)
                .data();
        String token = integration.get("token").asText();
        ObjectNode payload = group(3);
        ((ObjectNode) payload.get("alerts").get(0)).putObject("labels");
        ((ObjectNode) payload.get("alerts").get(1)).put("startsAt", "yesterday at noon");
        JsonNode results = accepted(ALERTMANAGER, token, payload).get("results");
        assertEquals("rejected", results.get(0).get("result").asText());
        assertEquals("no_labels", results.get(0).get("rejectionCode").asText());
        assertTrue(results.get(0).get("alertId").isNull());
        assertEquals("invalid_timestamp", results.get(1).get("rejectionCode").asText());
        assertTrue(results.get(1).get("rejectionMessage").asText().contains("yesterday at noon"));
        assertEquals("taken", results.get(2).get("result").asText(), "the rest of the notification is taken");

        String path = "/v1/integrations/inbound/" + integration.get("id").asText() + "/rejections";
        JsonNode page = http.get(path + "?limit=1").as(org).send().expect(200).data();
        assertEquals(1, page.get("rejections").size());
        JsonNode next = http.get(
                        path + "?limit=1&cursor=" + page.get("nextCursor").asText())
                .as(org)
                .send()
                .expect(200)
                .data();
        Set<String> codes = Set.of(
                page.get("rejections").get(0).get("code").asText(),
                next.get("rejections").get(0).get("code").asText());
        assertEquals(Set.of("no_labels", "invalid_timestamp"), codes);
        JsonNode rejection = next.get("rejections").get(0);
        assertEquals("alertmanager", rejection.get("source").asText());
        assertTrue(rejection.get("excerpt").asText().startsWith("{"), rejection.toString());
        http.get(path).as(newOrg()).send().expectError(404, "not_found");
        http.get("/v1/integrations/inbound/" + integration.get("id").asText() + "/alerts?cursor="
                        + page.get("nextCursor").asText())
                .as(org)
                .send()
                .expectError(422, "invalid_cursor");
    }

    @Test
    void aManualResolveWhileTheAlertFiresStartsANewEpisode() {
        String token = token("alertmanager");
        ObjectNode payload = group(1);
        JsonNode first = accepted(ALERTMANAGER, token, payload).get("alerts").get(0);
        String incidentId = first.get("incidentId").asText();
        for (String status : new String[] {"identified", "monitoring", "resolved"}) {
            http.patch("/v1/incidents/" + incidentId + "/status")
                    .as(org)
                    .json("{\"status\": \"" + status + "\"}")
                    .send()
                    .expect(200);
        }
        JsonNode second = accepted(ALERTMANAGER, token, payload).get("alerts").get(0);
        assertNotEquals(first.get("id"), second.get("id"));
        assertNotEquals(incidentId, second.get("incidentId").asText(), "a new incident for the new episode");
        JsonNode old = http.get("/v1/incidents/" + incidentId + "/alerts")
                .as(org)
                .send()
                .expect(200)
                .data()
                .get("alerts")
                .get(0);
        assertEquals("resolved", old.get("status").asText(), "the first episode's alert reads resolved");
        assertFalse(old.get("resolvedAt").isNull());
    }

    @Test
    void eachCredentialWorksOnlyWhereItBelongs() {
        String grafana = token("grafana");
        JsonNode refused =
                http.post(ALERTMANAGER).key(grafana).json(group(1)).send().expectError(401, "wrong_credential");
        assertTrue(refused.get("message").asText().contains("POST /v1/alerts/grafana"), refused.toString());
        http.post(ALERTMANAGER).key(org.apiKey()).json(group(1)).send().expectError(401, "wrong_credential");
        http.get("/v1/incidents").key(grafana).send().expectError(401, "wrong_credential");
    }

    @Test
    void anIngestBodyOverEightMebibytesIsRefused() {
        String token = token("alertmanager");
        ObjectNode payload = group(1);
        payload.put("padding", "x".repeat(8 * 1024 * 1024));
        http.post(ALERTMANAGER)
                .key(token)
                .json(payload)
                .breakingSpec("a body over the operation's 8 MiB")
                .send()
                .expectError(413, "payload_too_large");
    }

    /**
     * Alert intake is not strict: a field a newer Alertmanager may add, at the top or inside an alert, is ignored,
     * so a real sender's notification is never refused for it.
     */
    @Test
    void fieldsThisServerDoesNotReadAreIgnoredAtEveryDepth() {
        String token = token("alertmanager");
        ObjectNode payload = group(2);
        payload.put("futureField", "x");
        ((ObjectNode) payload.get("alerts").get(1)).putObject("futureObject").put("any", 1);
        JsonNode results = http.post(ALERTMANAGER)
                .key(token)
                .json(payload)
                .breakingSpec("fields the schema does not declare")
                .send()
                .expect(202)
                .data()
                .get("results");
        assertEquals(2, results.size());
        for (JsonNode result : results) {
            assertEquals("taken", result.get("result").asText());
        }
    }

    /** The {@code data} of a notification's 202. */
    private JsonNode accepted(String path, String token, Object payload) {
        return (payload instanceof JsonNode json
                        ? http.post(path).key(token).json(json)
                        : http.post(path).key(token).json((String) payload))
                .send()
                .expect(202)
                .data();
    }

    private String token(String type) {
        return http.post("/v1/integrations/inbound")
                .as(org)
                .json("{\"name\": \"" + type + "\", \"type\": \"" + type + "\"}")
                .send()
                .expect(201)
                .data()
                .get("token")
                .asText();
    }

    private JsonNode incident(String id) {
        return http.get("/v1/incidents/" + id).as(org).send().expect(200).data();
    }

    /** An Alertmanager notification of {@code size} series of one rule, as Alertmanager groups them. */
    private static ObjectNode group(int size) {
        ObjectNode payload = JSON.createObjectNode()
                .put("version", "4")
                .put("status", "firing")
                .put("receiver", "scaling")
                .put("groupKey", "{}:{alertname=\"DiskFilling\"}");
        payload.putObject("commonLabels").put("alertname", "DiskFilling").put("severity", "critical");
        ArrayNode alerts = payload.putArray("alerts");
        for (int i = 0; i < size; i++) {
            ObjectNode alert = alerts.addObject()
                    .put("status", "firing")
                    .put("startsAt", "2026-12-07T10:00:00.123456789Z")
                    .put("endsAt", "0001-01-01T00:00:00Z")
                    .put("generatorURL", "http://prometheus.example.com:9090/graph?g0.expr=disk")
                    .put("fingerprint", String.format("%016x", 0xd15cL * 100_000 + i));
            alert.putObject("labels")
                    .put("alertname", "DiskFilling")
                    .put("severity", "critical")
                    .put("instance", "db-" + i + ".example.com:9100");
            alert.putObject("annotations")
                    .put("summary", "Disk filling up")
                    .put("description", "The disk of db-" + i + " will be full within 4 hours.");
        }
        return payload;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AlertIntakeContractTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
