package cloud.scaling.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.Scrape;
import cloud.scaling.support.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Alerts taken, deduplicated and refused, by source, as {@code /metrics} shows them. */
class AlertMetricsTest {

    private static final TestServer server = TestServer.dedicated(Map.of("scaling.scheduler.enabled", false));

    private final Provisioned org = server.newOrganization();
    private final ApiClient api = server.api(org.apiKey());

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void takenDeduplicatedAndRejectedAreCountedBySource() {
        String token = api.post("/v1/integrations/inbound", "{\"name\":\"am\",\"type\":\"alertmanager\"}")
                .assertStatus(201)
                .data()
                .get("token")
                .asText();
        ApiClient sender = server.api(token);
        ApiClient stranger = server.api("scl_int_00000000000000000000000000000000");
        Scrape before = Scrape.of(server);

        String twoAlerts =
                "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[" + alert("a") + "," + alert("b") + "]}";
        sender.post("/v1/alerts/alertmanager", twoAlerts).assertStatus(202);
        sender.post(
                        "/v1/alerts/alertmanager",
                        "{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[" + alert("a") + "]}")
                .assertStatus(202);
        stranger.post("/v1/alerts/alertmanager", twoAlerts).assertStatus(401);
        sender.uncheckedRequests("malformed JSON")
                .post("/v1/alerts/alertmanager", "{\"alerts\":")
                .assertStatus(400);

        Scrape after = Scrape.of(server);
        assertEquals(
                2, after.increaseSince(before, "scaling_alerts_total", "source", "alertmanager", "outcome", "taken"));
        assertEquals(
                1,
                after.increaseSince(
                        before, "scaling_alerts_total", "source", "alertmanager", "outcome", "deduplicated"));
        assertEquals(
                2,
                after.increaseSince(before, "scaling_alerts_total", "source", "alertmanager", "outcome", "rejected"));
        assertEquals(
                1, after.value("scaling_alerts_rejected_total", "source", "alertmanager", "reason", "invalid_api_key"));
        assertEquals(
                1, after.value("scaling_alerts_rejected_total", "source", "alertmanager", "reason", "malformed_json"));
        assertEquals(0, after.increaseSince(before, "scaling_alerts_total", "source", "generic", "outcome", "taken"));
    }

    private static String alert(String fingerprint) {
        return "{\"status\":\"firing\",\"labels\":{\"alertname\":\"" + fingerprint
                + "\",\"severity\":\"critical\"},\"annotations\":{},\"fingerprint\":\"" + fingerprint + "\"}";
    }
}
