package cloud.scaling.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.ApiResponse;
import cloud.scaling.support.EscalationPolicyFixture;
import cloud.scaling.support.IntegrationFixture;
import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A notification's alerts are taken in one transaction (see {@link AlertIntake}): what that must not change. Grouped
 * notifications racing for the same new alerts still open one incident per fingerprint, page it once and count every
 * delivery; alerts of one notification that touch the same key see each other, in order.
 */
class AlertBatchTest {

    private final TestServer server = TestServer.shared();
    private Provisioned admin;
    private ApiClient api;

    @BeforeEach
    void organization() {
        admin = server.newOrganization();
        api = server.api(admin.apiKey());
    }

    @Test
    void racingNotificationsOfOneGroupOpenOneIncidentPerAlertPageItOnceAndCountEveryDelivery() throws Exception {
        String policy = EscalationPolicyFixture.named("Primary")
                .pagingUsers(600, admin.userId())
                .create(api);
        String component = api.post(
                        "/v1/components", "{\"name\":\"Payments\",\"escalationPolicyId\":\"" + policy + "\"}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
        String token = token(IntegrationFixture.named("Grouped")
                .type("alertmanager")
                .component(component)
                .json());
        int alerts = 30;
        StringJoiner group = new StringJoiner(",");
        for (int i = 0; i < alerts; i++) {
            group.add(alert("fp" + i, "firing"));
        }
        String notification = notification(group.toString());

        int senders = 8;
        int rounds = 3;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Callable<ApiResponse>> deliveries = new ArrayList<>();
        for (int i = 0; i < senders * rounds; i++) {
            deliveries.add(() -> deliver(token, notification));
        }
        for (Future<ApiResponse> reply : pool.invokeAll(deliveries)) {
            assertEquals(
                    alerts, reply.get().assertStatus(202).data().get("results").size());
        }
        pool.shutdown();

        assertEquals(alerts, count("SELECT COUNT(*) FROM incidents WHERE org_id = ?", admin.orgId()));
        assertEquals(alerts, count("SELECT COUNT(DISTINCT incident_id) FROM alerts WHERE org_id = ?", admin.orgId()));
        assertEquals(
                senders * rounds * alerts,
                count("SELECT SUM(deliveries) FROM alerts WHERE org_id = ?", admin.orgId()),
                "every delivery counted");
        assertEquals(alerts, count("SELECT COUNT(*) FROM pages WHERE org_id = ?", admin.orgId()), "each paged once");
        assertEquals(
                alerts,
                count("SELECT COUNT(DISTINCT incident_id) FROM pages WHERE org_id = ?", admin.orgId()),
                "every incident paged");
    }

    @Test
    void alertsOfOneNotificationWithTheSameKeySeeEachOtherInOrder() {
        String token = token("{\"name\":\"Ordered\",\"type\":\"alertmanager\"}");
        JsonNode results = deliver(
                        token,
                        notification(String.join(
                                ",",
                                alert("twice", "firing"),
                                alert("twice", "firing"),
                                alert("gone", "firing"),
                                alert("gone", "resolved"),
                                alert("gone", "firing"))))
                .assertStatus(202)
                .data()
                .get("results");
        List<String> outcomes = new ArrayList<>();
        results.forEach(result -> outcomes.add(result.get("result").asText()));
        assertEquals(List.of("taken", "deduplicated", "taken", "resolved", "taken"), outcomes);
        assertEquals(2, count("SELECT deliveries FROM alerts WHERE org_id = ? AND dedup_key = 'twice'", admin.orgId()));
        assertEquals(
                2,
                count("SELECT COUNT(*) FROM alerts WHERE org_id = ? AND dedup_key = 'gone'", admin.orgId()),
                "the resolved episode, then a new one");
        assertEquals(
                1,
                count("SELECT COUNT(*) FROM incidents WHERE org_id = ? AND status = 'resolved'", admin.orgId()),
                "the first episode's incident resolved with its alert");
        assertEquals(3, count("SELECT COUNT(*) FROM incidents WHERE org_id = ?", admin.orgId()));
    }

    private static String alert(String fingerprint, String status) {
        return """
                {"status":"%s","labels":{"alertname":"HighErrorRate","severity":"critical","instance":"%s"},
                 "annotations":{"summary":"Error rate above 5%%"},"startsAt":"2026-04-08T10:00:00Z",
                 "endsAt":"0001-01-01T00:00:00Z","fingerprint":"%s"}""".formatted(status, fingerprint, fingerprint);
    }

    static String notification(String alerts) {
        return """
                {"version":"4","groupKey":"{}:{alertname=\\"HighErrorRate\\"}","truncatedAlerts":0,"status":"firing",
                 "receiver":"scaling","groupLabels":{"alertname":"HighErrorRate"},
                 "commonLabels":{"alertname":"HighErrorRate","severity":"critical"},"commonAnnotations":{},
                 "externalURL":"http://alertmanager:9093","alerts":[%s]}""".formatted(alerts);
    }

    private String token(String integration) {
        return Senders.token(api, integration);
    }

    private ApiResponse deliver(String token, String body) {
        return Senders.deliver(api, token, "/v1/alerts/alertmanager", body);
    }

    private int count(String sql, Object... args) {
        return ((Number) server.query(sql, args).get(0).get(0)).intValue();
    }
}
