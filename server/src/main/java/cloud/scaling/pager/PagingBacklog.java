package cloud.scaling.pager;

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
import java.util.List;
import javax.sql.DataSource;

/**
 * The scheduler's backlog on {@code /metrics}: how many durable jobs of each task are due and not yet taken by any
 * server ({@code scaling_scheduler_due_jobs{task=...}}). A count that stays above zero means the scheduler is
 * stalled or overrun, and for the paging tasks that pages are late: the number to alert on. Read from the database
 * at each scrape (an index on the due time serves it).
 */
@Singleton
public class PagingBacklog implements MeterBinder {

    // Named here, not collected from the task beans: those are built from the data source, after this binder.
    private static final List<String> TASKS = List.of(
            Escalations.STEP.getTaskName(), PageDelivery.TASK.getTaskName(), "webhook-delivery", "idempotency-purge");

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
                    connection -> {
                        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM "
                                + "scheduled_tasks WHERE task_name = ? AND picked = FALSE AND execution_time <= ?")) {
                            statement.setString(1, task);
                            statement.setTimestamp(2, Timestamp.from(clock.instant()));
                            try (ResultSet result = statement.executeQuery()) {
                                result.next();
                                return result.getLong(1);
                            }
                        }
                    });
        }
    }
}
