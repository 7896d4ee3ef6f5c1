package cloud.scaling.webhooks;

import cloud.scaling.telemetry.DatabaseGauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The webhook backlog on {@code /metrics}: {@code scaling_webhook_pending_deliveries} (due now or waiting for a
 * retry) and {@code scaling_webhook_oldest_pending_delivery_age_seconds} (0 when none is pending). Counted in the
 * database at each scrape, so every server shows the same figures; the status index serves both queries.
 */
@Singleton
public class WebhookBacklog implements MeterBinder {

    private final BeanProvider<DataSource> dataSource;
    private final Clock clock;

    public WebhookBacklog(BeanProvider<DataSource> dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        DatabaseGauge.register(
                registry,
                dataSource,
                "scaling.webhook.pending.deliveries",
                "Webhook deliveries neither delivered nor given up yet",
                Tags.empty(),
                connection -> {
                    try (PreparedStatement statement = connection.prepareStatement(
                                    "SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending'");
                            ResultSet result = statement.executeQuery()) {
                        result.next();
                        return result.getLong(1);
                    }
                });
        DatabaseGauge.register(
                registry,
                dataSource,
                "scaling.webhook.oldest.pending.delivery.age.seconds",
                "Age of the oldest webhook event neither delivered nor given up yet (0 when there is none)",
                Tags.empty(),
                connection -> {
                    try (PreparedStatement statement = connection.prepareStatement(
                                    "SELECT MIN(created_at) FROM webhook_deliveries WHERE status = 'pending'");
                            ResultSet result = statement.executeQuery()) {
                        result.next();
                        Timestamp oldest = result.getTimestamp(1);
                        return oldest == null
                                ? 0
                                : Math.max(
                                        0,
                                        Duration.between(oldest.toInstant(), clock.instant())
                                                        .toMillis()
                                                / 1000.0);
                    }
                });
    }
}
