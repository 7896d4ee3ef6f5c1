package cloud.scaling.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * Webhook delivery attempts on {@code /metrics}, without endpoint or organization labels (the delivery log names
 * them): {@code scaling_webhook_delivery_attempts_total} and {@code scaling_webhook_delivery_failures_total} (no
 * 2xx answer), and {@code scaling_webhook_deliveries_total{outcome="delivered"|"failed"}}, deliveries settled,
 * failed meaning given up after the last retry. The backlog is {@link WebhookBacklog}'s.
 */
@Singleton
public class WebhookMetrics {

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

    /** One attempt ended, leaving its delivery in {@code status}. */
    void attempted(String status) {
        attempts.increment();
        if (WebhookDeliveryRow.DELIVERED.equals(status)) {
            delivered.increment();
            return;
        }
        failures.increment();
        if (WebhookDeliveryRow.FAILED.equals(status)) {
            failed.increment();
        }
    }
}
