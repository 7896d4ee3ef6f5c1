package cloud.scaling.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.CapturedLogs;
import cloud.scaling.support.Scrape;
import cloud.scaling.support.TestServer;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A receiver answering 500 (WireMock) as {@code /metrics} shows it: the failure counter rises with each attempt,
 * the backlog holds the delivery and ages with the clock until the last retry gives it up.
 */
class WebhookMetricsTest {

    private static final TestServer server = TestServer.dedicated(Map.of("scaling.scheduler.enabled", false));
    private static final WireMockServer receiver = Receiver.started();

    private final Provisioned org = server.newOrganization();
    private final ApiClient api = server.api(org.apiKey());
    private final WebhookDispatcher dispatcher = server.context().getBean(WebhookDispatcher.class);

    @AfterAll
    static void stop() {
        server.clock().release();
        receiver.stop();
        server.close();
    }

    @Test
    void aReceiverAnswering500MovesTheFailureCounterAndTheBacklog() {
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofMinutes(1));
        server.clock().pin(base);
        receiver.stubFor(post(urlEqualTo("/broken")).willReturn(aResponse().withStatus(500)));
        String endpoint = api.post(
                        "/v1/webhooks/endpoints",
                        "{\"url\": \"" + receiver.baseUrl() + "/broken\", \"eventTypes\": [\"incident.created\"]}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
        Scrape before = Scrape.of(server);
        assertEquals(0, before.value("scaling_webhook_pending_deliveries"));
        assertEquals(0, before.value("scaling_webhook_oldest_pending_delivery_age_seconds"));

        api.createIncident("Receiver down");
        at(base.plusSeconds(20));
        try (CapturedLogs logs = CapturedLogs.of(WebhookDispatcher.class)) {
            assertEquals(1, dispatcher.deliverDue());
            assertEquals(1, logs.lines().size(), logs.lines().toString());
            assertTrue(
                    logs.lines()
                            .get(0)
                            .matches("WARN .*WebhookDispatcher - Webhook delivery msg_\\S+ \\(incident.created\\) to "
                                    + "endpoint " + endpoint + " failed \\(attempt 1 of 6\\): answered HTTP 500; next "
                                    + "attempt at " + base.plusSeconds(50)),
                    "one line with the endpoint, attempt and cause, no stack trace: " + logs.lines());
        }
        Scrape failedOnce = Scrape.of(server);
        assertEquals(1, failedOnce.increaseSince(before, "scaling_webhook_delivery_attempts_total"));
        assertEquals(1, failedOnce.increaseSince(before, "scaling_webhook_delivery_failures_total"));
        assertEquals(0, failedOnce.increaseSince(before, "scaling_webhook_deliveries_total", "outcome", "failed"));
        assertEquals(1, failedOnce.value("scaling_webhook_pending_deliveries"));
        assertEquals(20, failedOnce.value("scaling_webhook_oldest_pending_delivery_age_seconds"));

        Instant at = base.plusSeconds(20);
        for (Duration delay : WebhookDispatcher.RETRY_DELAYS) {
            at = at.plus(delay);
            at(at);
            assertEquals(1, dispatcher.deliverDue());
        }
        Scrape givenUp = Scrape.of(server);
        int attempts = 1 + WebhookDispatcher.RETRY_DELAYS.size();
        assertEquals(attempts, givenUp.increaseSince(before, "scaling_webhook_delivery_failures_total"));
        assertEquals(1, givenUp.increaseSince(before, "scaling_webhook_deliveries_total", "outcome", "failed"));
        assertEquals(0, givenUp.increaseSince(before, "scaling_webhook_deliveries_total", "outcome", "delivered"));
        assertEquals(0, givenUp.value("scaling_webhook_pending_deliveries"), "given up: no longer pending");
        assertEquals(0, givenUp.value("scaling_webhook_oldest_pending_delivery_age_seconds"));
    }

    private static void at(Instant at) {
        server.clock().pin(at);
    }
}
