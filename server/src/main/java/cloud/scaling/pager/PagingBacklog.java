package cloud.scaling.pager;

import cloud.scaling.scheduling.JobScheduler;
import cloud.scaling.telemetry.DatabaseGauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
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

/**
 * The scheduler's backlog on {@code /metrics}: how many durable jobs of each task are due and not yet taken by any
 * server ({@code scaling_scheduler_due_jobs{task=...}}), and how many paging jobs are held by a server that stopped
 * heartbeating ({@code scaling_scheduler_dead_jobs{task=...}}: it died or hangs; another server takes them over
 * once they missed the heartbeat limit). A count that stays above zero means the scheduler is stalled or overrun,
 * and for the paging tasks that pages are late: the numbers to alert on. Read from the database at each scrape
 * (indexes on the due time and on the heartbeat serve them).
 */
@Singleton
public class PagingBacklog implements MeterBinder {

    /** Two missed heartbeats: a live server's job is never this far behind, a dead one's soon is. */
    private static final Duration DEAD_AFTER = JobScheduler.HEARTBEAT_INTERVAL.multipliedBy(2);

    private static final List<String> PAGING_TASKS =
            List.of(Escalations.STEP.getTaskName(), PageDelivery.TASK.getTaskName());
    // Named here, not collected from the task beans: those are built from the data source, after this binder.
    private static final List<String> TASKS =
            List.of(Escalations.STEP.getTaskName(), PageDelivery.TASK.getTaskName(), "idempotency-purge");
    private static final String DUE =
            "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ? AND picked = FALSE AND execution_time <= ?";
    private static final String DEAD =
            "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ? AND picked = TRUE AND last_heartbeat < ?";

    private final BeanProvider<DataSource> dataSource;
    private final Clock clock;

    public PagingBacklog(BeanProvider<DataSource> dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String task : TASKS) {
            DatabaseGauge.register(
                    registry,
                    dataSource,
                    "scaling.scheduler.due.jobs",
                    "Durable jobs due and not yet taken by any server",
                    Tags.of("task", task),
                    connection -> count(connection, DUE, task, clock.instant()));
        }
        for (String task : PAGING_TASKS) {
            DatabaseGauge.register(
                    registry,
                    dataSource,
                    "scaling.scheduler.dead.jobs",
                    "Durable jobs held by a server that stopped heartbeating (died or hangs)",
                    Tags.of("task", task),
                    connection -> count(connection, DEAD, task, clock.instant().minus(DEAD_AFTER)));
        }
    }

    private static double count(Connection connection, String query, String task, Instant before) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, task);
            statement.setTimestamp(2, Timestamp.from(before));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
