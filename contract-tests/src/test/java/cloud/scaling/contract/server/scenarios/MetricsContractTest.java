package cloud.scaling.contract.server.scenarios;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.contract.server.support.Reply;
import cloud.scaling.contract.server.support.ServerContractTest;
import org.junit.jupiter.api.Test;

/** getMetrics in both of its documented media types, chosen by the request's Accept header. */
class MetricsContractTest extends ServerContractTest {

    @Test
    void answersThePrometheusTextFormatByDefault() {
        Reply metrics = http.get("/metrics").send().expect(200);
        assertTrue(metrics.header("Content-Type").startsWith("text/plain"), metrics.header("Content-Type"));
        assertTrue(metrics.body().contains("# TYPE scaling_scheduler_due_jobs gauge"));
    }

    @Test
    void answersOpenMetricsToAScraperThatAsksForIt() {
        Reply metrics = http.get("/metrics")
                .header("Accept", "application/openmetrics-text; version=1.0.0")
                .send()
                .expect(200);
        assertTrue(
                metrics.header("Content-Type").startsWith("application/openmetrics-text"),
                metrics.header("Content-Type"));
        assertTrue(metrics.body().endsWith("# EOF\n"));
    }
}
