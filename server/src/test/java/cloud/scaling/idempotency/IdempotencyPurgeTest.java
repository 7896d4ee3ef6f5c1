package cloud.scaling.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.scaling.support.ApiClient;
import cloud.scaling.support.DueWork;
import cloud.scaling.support.TestServer;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Expired idempotency keys are purged by the recurring job of the database scheduler, driven here by the clock:
 * a manual scheduler over the same table runs whatever is due at the pinned time, instead of waiting for a poll.
 */
class IdempotencyPurgeTest {

    // The server's own scheduler polls only hourly here, so that just the manual runs below execute the job.
    private static final TestServer server = TestServer.dedicated(Map.of("scaling.scheduler.polling-interval", "1h"));

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theRecurringJobForgetsKeysPastTheReplayWindowAndKeepsTheRest() {
        ApiClient api = server.api(server.newOrganization().apiKey());
        Instant start = Instant.now();
        server.clock().pin(start);
        post(api, "old");
        server.clock().pin(start.plus(Duration.ofHours(23)));
        post(api, "fresh");
        assertEquals(List.of("fresh", "old"), keys());

        Instant purgeTime = start.plus(Idempotency.REPLAY_WINDOW).plusSeconds(1);
        new DueWork(server).runAt(purgeTime);

        assertEquals(List.of("fresh"), keys());
        long rescheduled = ((Number) server.query(
                                "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ?" + " AND execution_time > ?",
                                IdempotencyPurge.TASK,
                                purgeTime.atOffset(ZoneOffset.UTC))
                        .get(0)
                        .get(0))
                .longValue();
        assertEquals(1, rescheduled, "the job ran and is due again after " + purgeTime);
        server.clock().release();
    }

    private static void post(ApiClient api, String key) {
        api.sendRaw(HttpRequest.newBuilder(api.base().resolve("/v1/incidents"))
                        .header("Authorization", "Bearer " + api.apiKey())
                        .header("Idempotency-Key", key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\",\"severity\":\"low\"}")))
                .assertStatus(201);
    }

    private static List<String> keys() {
        return server.query("SELECT id FROM idempotency_keys ORDER BY id").stream()
                .map(row -> row.get(0).toString().replaceFirst("^[^:]*:", ""))
                .toList();
    }
}
