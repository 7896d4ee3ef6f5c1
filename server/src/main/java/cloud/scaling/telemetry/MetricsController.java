package cloud.scaling.telemetry;

import cloud.scaling.api.MonitoringApi;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Collection;
import java.util.List;

/**
 * {@code /metrics}: the process's meters for a Prometheus server to scrape, in Prometheus's text format, or in
 * OpenMetrics when the request's {@code Accept} prefers it (as Prometheus's own scrapes do).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class MetricsController implements MonitoringApi {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    private static final String OPEN_METRICS_TYPE = "application/openmetrics-text";
    private static final List<String> TEXT_RANGES = List.of(MediaType.TEXT_PLAIN, "text/*", MediaType.ALL);

    private final PrometheusMeterRegistry registry;

    public MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HttpResponse<String> getMetrics() {
        boolean openMetrics = ServerRequestContext.currentRequest()
                .map(request -> prefersOpenMetrics(request.accept()))
                .orElse(false);
        String format = openMetrics ? OPEN_METRICS : PROMETHEUS_TEXT;
        return HttpResponse.ok(registry.scrape(format)).contentType(MediaType.of(format));
    }

    /** OpenMetrics only when accepted with a higher quality than the text format (no Accept: the text format). */
    static boolean prefersOpenMetrics(Collection<MediaType> accepted) {
        double openMetrics = 0;
        double text = accepted.isEmpty() ? 1 : 0;
        for (MediaType type : accepted) {
            double quality = type.getQualityAsNumber().doubleValue();
            if (type.getName().equals(OPEN_METRICS_TYPE)) {
                openMetrics = Math.max(openMetrics, quality);
            } else if (TEXT_RANGES.contains(type.getName())) {
                text = Math.max(text, quality);
            }
        }
        return openMetrics > text;
    }
}
