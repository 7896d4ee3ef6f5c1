package cloud.scaling.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.ApiResponse;
import cloud.scaling.support.Promtool;
import cloud.scaling.support.TestServer;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} as scrapers read it: lint-clean for Prometheus's own checker, and in OpenMetrics for a
 * scraper that asks for it (Prometheus itself prefers it) instead of a 406.
 */
class MetricsExpositionTest {

    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    private final TestServer server = TestServer.shared();

    @Test
    void promtoolFindsNothingToCriticize() {
        // Traffic first, so that the series made on first use (request timers) are there too.
        server.api(server.newOrganization().apiKey()).get("/v1/incidents").assertStatus(200);
        ApiResponse metrics = scrape(null);
        assertEquals(
                "text/plain; version=0.0.4; charset=utf-8",
                metrics.headers().firstValue("Content-Type").orElseThrow());
        Promtool.Run check = Promtool.run(Promtool.RULES_DIRECTORY, metrics.body(), "check", "metrics");
        assertEquals(0, check.exitCode(), check.output());
        assertEquals("", check.output().strip(), "no lint warning");
        assertTrue(metrics.body().contains("\nprocess_cpu_seconds_total "), "the CPU time, in seconds");
        assertTrue(metrics.body().contains("\nsystem_cpus "), "the processor count, without a _count suffix");
    }

    @Test
    void aScraperAcceptingOnlyOpenMetricsGetsOpenMetrics() {
        ApiResponse metrics = scrape("application/openmetrics-text; version=1.0.0");
        assertOpenMetrics(metrics);
    }

    @Test
    void prometheusOwnAcceptGetsOpenMetricsAndAnyOtherTheTextFormat() {
        assertOpenMetrics(scrape(PROMETHEUS_ACCEPT));
        for (String accept : new String[] {
            "*/*", "text/plain", "text/plain;version=0.0.4", "application/openmetrics-text;q=0.1, text/*"
        }) {
            ApiResponse metrics = scrape(accept);
            assertEquals(200, metrics.status(), accept);
            assertTrue(
                    metrics.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"), accept);
        }
    }

    @Test
    void anAcceptNoFormatSatisfiesIsRefusedWithoutClaimingJsonIsServed() {
        ApiResponse refused = server.anonymous()
                .uncheckedRequests("an Accept none of the operation's media types satisfies")
                .sendRaw(
                        HttpRequest.newBuilder(server.uri().resolve("/metrics")).header("Accept", "image/png"));
        refused.assertError(406, "invalid_request_error", "not_acceptable");
        assertTrue(refused.errorMessage().contains("none of the media types"), refused.errorMessage());
    }

    private static void assertOpenMetrics(ApiResponse metrics) {
        assertEquals(200, metrics.status(), metrics.body());
        assertEquals(
                "application/openmetrics-text; version=1.0.0; charset=utf-8",
                metrics.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(metrics.body().endsWith("# EOF\n"), "OpenMetrics ends with its EOF marker");
        assertTrue(metrics.body().contains("# TYPE scaling_webhook_delivery_attempts counter"), metrics.body());
    }

    private ApiResponse scrape(String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve("/metrics"));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return server.anonymous().sendRaw(request);
    }
}
