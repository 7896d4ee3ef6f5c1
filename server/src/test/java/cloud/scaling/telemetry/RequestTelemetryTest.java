package cloud.scaling.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import cloud.scaling.orgs.Provisioned;
import cloud.scaling.support.ApiResponse;
import cloud.scaling.support.CapturedLogs;
import cloud.scaling.support.TestServer;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Each request leaves an access-log line and a sample in /metrics, both by operation, not by raw path. */
class RequestTelemetryTest {

    private final TestServer server = TestServer.shared();

    @Test
    void logsAndCountsEachRequestByItsOperation() {
        Provisioned org = server.newOrganization();
        String requestId;
        Logger access = (Logger) LoggerFactory.getLogger(RequestTelemetry.class);
        Level before = access.getLevel();
        access.setLevel(Level.INFO);
        try (CapturedLogs logs = CapturedLogs.of(RequestTelemetry.class)) {
            ApiResponse missing = server.api(org.apiKey())
                    .get("/v1/incidents/" + UUID.randomUUID())
                    .assertStatus(404);
            requestId = missing.headers().firstValue("X-Request-Id").orElseThrow();
            assertTrue(
                    logs.lines().stream()
                            .anyMatch(line -> line.contains("GET /v1/incidents/{id} 404 ")
                                    && line.contains(" ms requestId=" + requestId)),
                    () -> "no access-log line: " + logs.lines());
            server.anonymous()
                    .uncheckedRequests("an unknown route")
                    .get("/no/such/route")
                    .assertStatus(404);
            assertTrue(
                    logs.anyContains("GET /no/such/route (no route) 404 "),
                    () -> logs.lines().toString());
        } finally {
            access.setLevel(before);
        }

        ApiResponse scrape = server.anonymous().get("/metrics").assertStatus(200);
        assertTrue(scrape.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
        String metrics = scrape.body();
        assertTrue(
                metrics.lines()
                        .anyMatch(line -> line.startsWith("http_server_requests_seconds_bucket{")
                                && line.contains("method=\"GET\"")
                                && line.contains("status=\"404\"")
                                && line.contains("uri=\"/v1/incidents/{id}\"")
                                && line.contains("le=\"0.005\"")),
                metrics);
        assertTrue(metrics.contains("uri=\"unmatched\""), "requests that match no operation share one series");
        assertTrue(metrics.contains("hikaricp_connections_active"), "the database pool");
        assertTrue(metrics.contains("jvm_memory_used_bytes"), "the JVM");
        // Switched off for their cost per request (application.yml).
        assertFalse(metrics.contains("logback_events"), "log events are not counted");
        assertFalse(metrics.contains("executor_completed_tasks"), "executor tasks are not timed");
    }

    @Test
    void durationsAreMillisecondsWithOneDecimalRoundedHalfUp() {
        assertEquals("0.0", RequestTelemetry.millis(0));
        assertEquals("0.0", RequestTelemetry.millis(49_999));
        assertEquals("0.1", RequestTelemetry.millis(50_000));
        assertEquals("1.2", RequestTelemetry.millis(1_234_567));
        assertEquals("1.3", RequestTelemetry.millis(1_250_000));
        assertEquals("12.3", RequestTelemetry.millis(12_349_999));
        assertEquals("1000.0", RequestTelemetry.millis(999_950_000));
    }
}
