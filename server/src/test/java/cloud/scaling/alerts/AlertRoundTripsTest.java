package cloud.scaling.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.TestServer;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * How many statements one new alert sends to the database, from the token's check to the incident it opens: a
 * storm is thousands of these. A guard against new round trips creeping in; lower the figure when a change removes
 * one.
 */
class AlertRoundTripsTest {

    /**
     * The integration by its token; the alert firing with the key; the routing policy; the alert's insert; the
     * incident's create (owner-less: insert, status entry, audit event, webhook endpoints); the alert attached to it
     * (not read back: it was 10 with the read).
     */
    private static final int STATEMENTS_PER_NEW_ALERT = 9;

    private static final TestServer server = TestServer.recordingStatements();

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aNewAlertThatOpensAnIncidentTakesAKnownNumberOfStatements() {
        Provisioned org = server.newOrganization();
        ApiClient api = server.api(org.apiKey());
        String token = api.post("/v1/integrations/inbound", "{\"name\":\"Counted\",\"type\":\"generic\"}")
                .assertStatus(201)
                .data()
                .get("token")
                .asText();
        fire(api, token, "warm-up");

        List<String> request = server.statementsDuring(() -> fire(api, token, "counted"));
        assertEquals(STATEMENTS_PER_NEW_ALERT, request.size(), String.join("\n", request));
        assertEquals(
                1,
                ((Number) server.query("SELECT COUNT(*) FROM alerts WHERE dedup_key = 'counted' AND incident_id IS"
                                        + " NOT NULL")
                                .get(0)
                                .get(0))
                        .intValue(),
                "the alert opened its incident");
    }

    private static void fire(ApiClient api, String token, String key) {
        api.sendRaw(HttpRequest.newBuilder(api.base().resolve("/v1/alerts/generic"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Alert " + key
                                + "\",\"severity\":\"critical\",\"dedupKey\":\"" + key + "\",\"status\":\"firing\"}")))
                .assertStatus(202);
    }
}
