package cloud.scaling.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.EscalationPolicyFixture;
import cloud.scaling.support.IntegrationFixture;
import cloud.scaling.support.TestServer;
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
     * The integration by its token; the alert firing with the key; the routing policy; the incident's create
     * (owner-less: insert, status entry, audit event, webhook endpoints); the alert's insert, attached to it (it was
     * 10 with a read back, 9 with the attaching update).
     */
    private static final int STATEMENTS_PER_NEW_ALERT = 8;

    private static final TestServer server = TestServer.recordingStatements();

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aNewAlertThatOpensAnIncidentTakesAKnownNumberOfStatements() {
        Provisioned org = server.newOrganization();
        ApiClient api = server.api(org.apiKey());
        String token = Senders.token(api, "{\"name\":\"Counted\",\"type\":\"generic\"}");
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

    /**
     * A storm is mostly repeats: Alertmanager notifies a firing group again and again. A notification of repeats
     * costs the same few statements however many alerts it carries: the integration, the firing alerts of its keys,
     * which of their incidents are open, and one update counting every delivery.
     */
    @Test
    void aNotificationOfRepeatsTakesTheSameStatementsWhateverItsSize() {
        Provisioned org = server.newOrganization();
        ApiClient api = server.api(org.apiKey());
        String token = Senders.token(api, "{\"name\":\"Grouped\",\"type\":\"alertmanager\"}");
        String ten = group(10);
        String hundred = group(AlertIntake.BATCH);
        notify(api, token, hundred);

        List<String> small = server.statementsDuring(() -> notify(api, token, ten));
        List<String> large = server.statementsDuring(() -> notify(api, token, hundred));
        assertEquals(4, large.size(), String.join("\n", large));
        assertEquals(small.size(), large.size(), String.join("\n", small));
    }

    /**
     * A storm's new alerts each open an incident that pages through the component's policy. What every incident of a
     * notification shares (the policy's levels, the organization's webhook receivers) is read once per notification,
     * not once per incident; each incident then costs the same statements.
     */
    @Test
    void newAlertsOfOneNotificationShareTheirPolicyAndReceiversReads() {
        Provisioned org = server.newOrganization();
        ApiClient api = server.api(org.apiKey());
        String policy = EscalationPolicyFixture.named("Storm")
                .pagingUsers(600, org.userId())
                .create(api);
        String component = api.post("/v1/components", """
                        {"name": "Storm", "escalationPolicyId": "%s"}""".formatted(policy))
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
        String token = Senders.token(
                api,
                IntegrationFixture.named("Storm")
                        .type("alertmanager")
                        .component(component)
                        .json());
        notify(api, token, group("warm", 2));

        List<String> ten = server.statementsDuring(() -> notify(api, token, group("ten", 10)));
        List<String> twenty = server.statementsDuring(() -> notify(api, token, group("twenty", 20)));
        assertEquals(1, touching(ten, "escalation_steps"), String.join("\n", ten));
        assertEquals(1, touching(twenty, "escalation_steps"), String.join("\n", twenty));
        assertEquals(1, touching(twenty, "webhook_endpoints"), String.join("\n", twenty));
        assertEquals(STATEMENTS_PER_PAGING_INCIDENT, (twenty.size() - ten.size()) / 10, String.join("\n", twenty));
    }

    /**
     * Per incident a notification opens and pages: the incident's insert (with its status entry, its component link
     * and its audit event), its escalation's, its page's, and its alert's, attached to it. The jobs of
     * every page and step are one batch at the commit; the policy, its level's people, the component's lock and the
     * webhook receivers are read once per notification.
     */
    private static final int STATEMENTS_PER_PAGING_INCIDENT = 7;

    private static long touching(List<String> statements, String table) {
        return statements.stream().filter(sql -> sql.contains(table)).count();
    }

    private static String group(int alerts) {
        return group("fp", alerts);
    }

    private static String group(String prefix, int alerts) {
        java.util.StringJoiner group = new java.util.StringJoiner(",");
        for (int i = 0; i < alerts; i++) {
            group.add("{\"status\":\"firing\",\"labels\":{\"alertname\":\"Busy\",\"instance\":\"host-" + i
                    + "\"},\"startsAt\":\"2026-04-08T10:00:00Z\",\"fingerprint\":\"" + prefix + i + "\"}");
        }
        return AlertBatchTest.notification(group.toString());
    }

    private static void notify(ApiClient api, String token, String notification) {
        Senders.deliver(api, token, "/v1/alerts/alertmanager", notification).assertStatus(202);
    }

    private static void fire(ApiClient api, String token, String key) {
        Senders.deliver(
                        api,
                        token,
                        "/v1/alerts/generic",
                        "{\"title\":\"Alert " + key + "\",\"severity\":\"critical\",\"dedupKey\":\"" + key
                                + "\",\"status\":\"firing\"}")
                .assertStatus(202);
    }
}
