package cloud.scaling.pager;

import cloud.scaling.telemetry.Buckets;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The paging path on {@code /metrics}, labelled by channel and outcome only (never an id, so the series stay few):
 * <ul>
 *   <li>{@code scaling_page_delivery_attempts_total{channel}} and {@code scaling_page_delivery_failures_total{channel}}:
 *       every attempt to hand a page over, and those that failed;
 *   <li>{@code scaling_pages_total{channel,outcome="delivered"|"failed"}}: pages settled, failed meaning given up;
 *   <li>{@code scaling_page_delivery_delay_seconds{channel}}: from the page being due to its hand-over to the mail
 *       server or the chat webhook, retries included;
 *   <li>{@code scaling_escalation_step_lateness_seconds}: from an escalation step being due to it running.
 * </ul>
 * The counters exist from the start at zero, so that a rule on their increase sees the first failure.
 */
@Singleton
public class PagingMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Timer stepLateness;

    public PagingMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.stepLateness = Timer.builder("scaling.escalation.step.lateness")
                .description("Time from an escalation step being due to it running")
                .serviceLevelObjectives(Buckets.DELAYS)
                .register(registry);
        for (String channel : java.util.List.of(PageRow.EMAIL, PageRow.SLACK, PageRow.TEAMS)) {
            attempts(channel);
            failures(channel);
            settled(channel, PageStatus.DELIVERED);
            settled(channel, PageStatus.FAILED);
            delay(channel);
        }
    }

    /** One attempt to deliver {@code page}, ending in {@code status} (still pending: it will be retried). */
    void attempted(PageRow page, PageStatus status) {
        attempts(page.channel()).increment();
        if (status != PageStatus.DELIVERED) {
            failures(page.channel()).increment();
        }
        if (status != PageStatus.PENDING) {
            settled(page.channel(), status).increment();
        }
        if (status == PageStatus.DELIVERED) {
            delay(page.channel()).record(sinceDue(page.pagedAt()));
        }
    }

    /** An escalation step due at {@code due} runs now. */
    void stepRuns(Instant due) {
        stepLateness.record(sinceDue(due));
    }

    private Duration sinceDue(Instant due) {
        Duration late = Duration.between(due, clock.instant());
        return late.isNegative() ? Duration.ZERO : late;
    }

    private Counter attempts(String channel) {
        return Counter.builder("scaling.page.delivery.attempts")
                .description("Attempts to deliver a page")
                .tag("channel", channel)
                .register(registry);
    }

    private Counter failures(String channel) {
        return Counter.builder("scaling.page.delivery.failures")
                .description("Attempts to deliver a page that failed")
                .tag("channel", channel)
                .register(registry);
    }

    private Counter settled(String channel, PageStatus outcome) {
        return Counter.builder("scaling.pages")
                .description("Pages settled: delivered, or failed after the last attempt")
                .tag("channel", channel)
                .tag("outcome", outcome == PageStatus.DELIVERED ? "delivered" : "failed")
                .register(registry);
    }

    private Timer delay(String channel) {
        return Timer.builder("scaling.page.delivery.delay")
                .description("Time from a page being due to its hand-over to the mail server")
                .tag("channel", channel)
                .serviceLevelObjectives(Buckets.DELAYS)
                .register(registry);
    }
}
