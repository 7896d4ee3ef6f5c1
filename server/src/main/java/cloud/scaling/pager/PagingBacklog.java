package cloud.scaling.pager;

import cloud.scaling.scheduling.JobScheduler;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paging backlog on {@code /metrics}: how many escalation steps and page deliveries are due and not yet taken
 * by any server ({@code scaling_scheduler_due_jobs{task=...}}), and how many are held by a server that stopped
 * heartbeating ({@code scaling_scheduler_dead_jobs{task=...}}: it died or hangs; another server takes them over
 * once they missed the heartbeat limit). A count that stays above zero means pages are late: the numbers to alert
 * on. Read from the database at each scrape (indexes on the due time and on the heartbeat serve them).
 */
@Singleton
public class PagingBacklog implements MeterBinder {

    /** Two missed heartbeats: a live server's job is never this far behind, a dead one's soon is. */
    private static final Duration DEAD_AFTER = JobScheduler.HEARTBEAT_INTERVAL.multipliedBy(2);

    private static final Logger LOG = LoggerFactory.getLogger(PagingBacklog.class);
    private static final List<String> TASKS = List.of(Escalations.STEP.getTaskName(), PageDelivery.TASK.getTaskName());
    private static final String DUE =
            "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ? AND picked = FALSE AND execution_time <= ?";
    private static final String DEAD =
            "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ? AND picked = TRUE AND last_heartbeat < ?";

    // Lazily: the pool itself is built with the meter registry, which binds this.
    private final BeanProvider<DataSource> dataSource;
    private final Clock clock;

    public PagingBacklog(BeanProvider<DataSource> dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String task : TASKS) {
            Gauge.builder("scaling.scheduler.due.jobs", () -> count(DUE, task, clock.instant()))
                    .tag("task", task)
                    .description("Durable jobs due and not yet taken by any server")
                    .register(registry);
            Gauge.builder(
                            "scaling.scheduler.dead.jobs",
                            () -> count(DEAD, task, clock.instant().minus(DEAD_AFTER)))
                    .tag("task", task)
                    .description("Durable jobs held by a server that stopped heartbeating (died or hangs)")
                    .register(registry);
        }
    }

    private double count(String query, String task, Instant before) {
        try (Connection connection =
                        DelegatingDataSource.unwrapDataSource(dataSource.get()).getConnection();
                PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, task);
            statement.setTimestamp(2, Timestamp.from(before));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            // A scrape must not fail because the database does; the gauge shows "unknown".
            LOG.warn("Could not count {} jobs: {}", task, e.getMessage());
            return Double.NaN;
        }
    }
}
