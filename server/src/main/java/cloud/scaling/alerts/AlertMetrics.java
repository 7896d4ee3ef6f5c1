package cloud.scaling.alerts;

import cloud.scaling.api.model.AlertIntakeOutcome;
import cloud.scaling.api.model.AlertIntakeResult;
import cloud.scaling.api.model.AlertListResponse;
import cloud.scaling.api.model.ApiError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.List;

/**
 * Alerts in, by source (the ingest endpoint: {@code generic}, {@code alertmanager}, {@code grafana}) and outcome,
 * never by integration (ids would make a series per customer): {@code scaling_alerts_total{source,outcome}} with the
 * outcomes of the answer's results ({@code taken}, {@code deduplicated}, {@code resolved}, {@code rejected}: an alert
 * that could not be used, or a notification refused whole, counted once), {@code scaling_alerts_truncated_total}
 * for those cut to fit, and {@code scaling_alerts_rejected_total{source,reason}}, rejections by rejection or error
 * code (a bounded set: the spec lists each endpoint's). Read from each ingest answer, so refusals by the framework
 * (a malformed body, a missing token) are counted as well as the intake's.
 */
@ServerFilter("/v1/alerts/*")
@Context // made at start, not at the first alert: its series are on /metrics at zero before any arrives
@Requires(beans = MeterRegistry.class) // not in admin commands, which run without metrics
public class AlertMetrics implements Ordered {

    static final List<String> SOURCES = List.of("generic", "alertmanager", "grafana");

    private final MeterRegistry registry;

    public AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String source : SOURCES) {
            for (AlertIntakeOutcome outcome : AlertIntakeOutcome.values()) {
                outcome(source, outcome.getValue());
            }
            truncated(source, 0);
        }
    }

    @ResponseFilter
    public void count(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        String source = path.substring(path.lastIndexOf('/') + 1);
        if (!SOURCES.contains(source) || !"POST".equals(request.getMethodName())) {
            return;
        }
        Object body = response.getBody().orElse(null);
        if (response.status() == HttpStatus.ACCEPTED && body instanceof AlertListResponse accepted) {
            for (AlertIntakeResult result : accepted.getData().getResults()) {
                if (result.getRejectionCode() != null) {
                    rejected(source, result.getRejectionCode());
                } else {
                    outcome(source, result.getResult().getValue()).increment();
                }
                if (result.getTruncated()) {
                    truncated(source, 1);
                }
            }
        } else if (response.code() >= 400 && response.code() < 500) {
            rejected(source, body instanceof ApiError error ? error.getCode() : Integer.toString(response.code()));
        }
    }

    /** Alerts taken with a value cut to fit: a count of its own, since they are also counted as taken. */
    void truncated(String source, double alerts) {
        Counter.builder("scaling.alerts.truncated")
                .description("Alerts taken with a value cut to fit")
                .tag("source", source)
                .register(registry)
                .increment(alerts);
    }

    void rejected(String source, String reason) {
        outcome(source, "rejected").increment();
        Counter.builder("scaling.alerts.rejected")
                .description("Alerts rejected and notifications refused, by rejection or error code")
                .tag("source", source)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    private Counter outcome(String source, String outcome) {
        return Counter.builder("scaling.alerts")
                .description("Alerts received, by outcome")
                .tag("source", source)
                .tag("outcome", outcome)
                .register(registry);
    }

    @Override
    public int getOrder() {
        // Outside every filter that may refuse a delivery (content type, size), so that its refusal is counted.
        return HIGHEST_PRECEDENCE + 2;
    }
}
