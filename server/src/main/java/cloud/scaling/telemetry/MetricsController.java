package cloud.scaling.telemetry;

import cloud.scaling.api.MonitoringApi;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code /metrics}: the process's meters in Prometheus's text format, for a Prometheus server to scrape. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class MetricsController implements MonitoringApi {

    private static final MediaType PROMETHEUS_TEXT = MediaType.of("text/plain; version=0.0.4; charset=utf-8");

    private final PrometheusMeterRegistry registry;

    public MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HttpResponse<String> getMetrics() {
        return HttpResponse.ok(registry.scrape()).contentType(PROMETHEUS_TEXT);
    }
}
