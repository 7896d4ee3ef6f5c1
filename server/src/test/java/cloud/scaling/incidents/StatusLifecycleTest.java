package cloud.scaling.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.ApiClient;
import cloud.scaling.support.ApiResponse;
import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PATCH /v1/incidents/{id}/status: one step forward, recorded in the history, the timeline and the audit. */
class StatusLifecycleTest {

    private final TestServer server = TestServer.shared();

    @Test
    void walksTheWholeLifecycleAndRecordsIt() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        String id = api.createIncident("Lifecycle");
        for (String status : List.of("identified", "monitoring")) {
            JsonNode incident = api.patch(path(id), "{\"status\":\"" + status + "\"}")
                    .assertStatus(200)
                    .data();
            assertEquals(status, incident.get("status").asText());
        }
        JsonNode resolved = api.patch(path(id), "{\"status\":\"resolved\",\"resolutionNote\":\"Rolled back.\"}")
                .assertStatus(200)
                .data();

        List<String> statuses = new ArrayList<>();
        resolved.get("statusHistory")
                .forEach(entry -> statuses.add(entry.get("status").asText()));
        assertEquals(List.of("investigating", "identified", "monitoring", "resolved"), statuses);
        assertTrue(resolved.get("statusHistory").get(0).get("resolutionNote").isNull());
        assertEquals(
                "Rolled back.",
                resolved.get("statusHistory").get(3).get("resolutionNote").asText());
        assertEquals(resolved, api.get("/v1/incidents/" + id).assertStatus(200).data());

        JsonNode updates = api.get("/v1/incidents/" + id + "/updates")
                .assertStatus(200)
                .data()
                .get("updates");
        assertEquals(3, updates.size(), "each PATCH posts an internal update");
        for (JsonNode update : updates) {
            assertEquals("internal", update.get("visibility").asText());
            assertTrue(update.get("body").isNull(), "the resolution note is never on the timeline");
        }
        assertEquals("resolved", updates.get(2).get("statusChange").asText());

        List<String> events = new ArrayList<>();
        resolved.get("auditTrail").forEach(event -> events.add(event.get("type").asText()));
        assertEquals(
                List.of(
                                "incident_created",
                                "update_posted",
                                "status_changed",
                                "update_posted",
                                "status_changed",
                                "update_posted",
                                "status_changed")
                        .stream()
                        .sorted()
                        .toList(),
                events.stream().sorted().toList());
        JsonNode lastChange =
                resolved.get("auditTrail").get(resolved.get("auditTrail").size() - 1);
        assertTrue(List.of("status_changed", "update_posted")
                .contains(lastChange.get("type").asText()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "investigating, monitoring, identified",
        "investigating, resolved, identified",
        "investigating, investigating, identified",
        "identified, investigating, monitoring",
        "identified, identified, monitoring",
        "monitoring, identified, resolved",
        "resolved, monitoring, ",
        "resolved, resolved, "
    })
    void anythingButTheNextStepIsRejected(String from, String to, String allowedNext) {
        ApiClient api = server.api(server.newOrganization().apiKey());
        String id = api.createIncident("Transitions");
        for (String step : List.of("identified", "monitoring", "resolved")) {
            if (from.equals("investigating") || statusOf(api, id).equals(from)) {
                break;
            }
            api.patch(path(id), "{\"status\":\"" + step + "\"}").assertStatus(200);
        }
        assertEquals(from, statusOf(api, id));
        JsonNode error = api.patch(path(id), "{\"status\":\"" + to + "\"}")
                .assertError(400, "invalid_request_error", "invalid_status_transition");
        String message = error.get("message").asText();
        assertTrue(
                allowedNext == null ? message.contains("resolved incident") : message.contains(allowedNext), message);
        assertEquals(from, statusOf(api, id), "nothing changed");
    }

    /** Racing requests for the same step: exactly one wins, and the history never holds a status twice. */
    @Test
    void concurrentTransitionsNeverProduceAnIllegalHistory() throws Exception {
        ApiClient api = server.api(server.newOrganization().apiKey());
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            for (int round = 0; round < 5; round++) {
                String id = api.createIncident("Race " + round);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ApiResponse>> results = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    Callable<ApiResponse> race = () -> {
                        start.await();
                        return api.patch(path(id), "{\"status\":\"identified\"}");
                    };
                    results.add(pool.submit(race));
                }
                start.countDown();
                int won = 0;
                for (Future<ApiResponse> result : results) {
                    ApiResponse response = result.get();
                    if (response.status() == 200) {
                        won++;
                    } else {
                        response.assertError(400, "invalid_request_error", "invalid_status_transition");
                    }
                }
                assertEquals(1, won, "exactly one request applies the step");
                JsonNode history = api.get("/v1/incidents/" + id).data().get("statusHistory");
                assertEquals(2, history.size(), history.toString());
                assertEquals(
                        1L,
                        ((Number) server.query(
                                                "SELECT COUNT(*) FROM incident_status_history WHERE incident_id = CAST(? AS UUID)"
                                                        + " AND status = 'identified'",
                                                id)
                                        .get(0)
                                        .get(0))
                                .longValue());
                assertEquals(
                        1,
                        api.get("/v1/incidents/" + id + "/updates")
                                .data()
                                .get("updates")
                                .size(),
                        "the losers left no update behind");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String statusOf(ApiClient api, String id) {
        return api.get("/v1/incidents/" + id)
                .assertStatus(200)
                .data()
                .get("status")
                .asText();
    }

    private static String path(String id) {
        return "/v1/incidents/" + id + "/status";
    }
}
