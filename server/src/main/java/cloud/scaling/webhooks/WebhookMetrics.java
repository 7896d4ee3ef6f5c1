package cloud.scaling.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Webhook delivery attempts on {@code /metrics}, without endpoint or organization labels (the delivery log names
 * them): {@code scaling_webhook_delivery_attempts_total} and {@code scaling_webhook_delivery_failures_total} (no
 * 2xx answer), and {@code scaling_webhook_deliveries_total{outcome="delivered"|"failed"}}, deliveries settled,
 * failed meaning given up after the last retry. The backlog is {@link WebhookBacklog}'s. A failed attempt is also
 * logged here, as one WARN line without a stack trace: a receiver failing is its operator's news, not a bug.
 */
@Singleton
public class WebhookMetrics {

    // Under the dispatcher's name, where an operator looks for (and tunes) what delivering does.
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final Counter attempts;
    private final Counter failures;
    private final Counter delivered;
    private final Counter failed;

    public WebhookMetrics(MeterRegistry registry) {
        attempts = Counter.builder("scaling.webhook.delivery.attempts")
                .description("Attempts to deliver a webhook event")
                .register(registry);
        failures = Counter.builder("scaling.webhook.delivery.failures")
                .description("Attempts to deliver a webhook event that got no 2xx answer")
                .register(registry);
        delivered = settled(registry, WebhookDeliveryRow.DELIVERED);
        failed = settled(registry, WebhookDeliveryRow.FAILED);
    }

    private static Counter settled(MeterRegistry registry, String outcome) {
        return Counter.builder("scaling.webhook.deliveries")
                .description("Webhook deliveries settled: delivered, or failed after the last retry")
                .tag("outcome", outcome)
                .register(registry);
    }

    /** {@code attempt} of {@code delivery} ended, leaving it in {@code status}, due again at {@code next}. */
    void attempted(WebhookDeliveryRow delivery, WebhookAttemptRow attempt, String status, @Nullable Instant next) {
        attempts.increment();
        if (WebhookDeliveryRow.DELIVERED.equals(status)) {
            delivered.increment();
            return;
        }
        failures.increment();
        if (WebhookDeliveryRow.FAILED.equals(status)) {
            failed.increment();
        }
        LOG.warn(
                "Webhook delivery {} ({}) to endpoint {} failed (attempt {} of {}): {}; {}",
                delivery.id(),
                delivery.eventType(),
                delivery.endpointId(),
                delivery.failures() + 1,
                WebhookDispatcher.RETRY_DELAYS.size() + 1,
                attempt.responseStatus() != null ? "answered HTTP " + attempt.responseStatus() : attempt.error(),
                next == null ? "given up" : "next attempt at " + next);
    }
}
