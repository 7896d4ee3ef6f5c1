package cloud.scaling.pager;

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
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paging backlog on {@code /metrics}: how many escalation steps and page deliveries are due and not yet taken
 * by any server ({@code scaling_scheduler_due_jobs{task=...}}). A growing count means pages are late: the number
 * to alert on. Read from the database at each scrape (an index on the due time serves it).
 */
@Singleton
public class PagingBacklog implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(PagingBacklog.class);
    private static final List<String> TASKS = List.of(Escalations.STEP.getTaskName(), PageDelivery.TASK.getTaskName());

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
            Gauge.builder("scaling.scheduler.due.jobs", () -> due(task))
                    .tag("task", task)
                    .description("Durable jobs due and not yet taken by any server")
                    .register(registry);
        }
    }

    private double due(String task) {
        try (Connection connection =
                        DelegatingDataSource.unwrapDataSource(dataSource.get()).getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM scheduled_tasks "
                        + "WHERE task_name = ? AND picked = FALSE AND execution_time <= ?")) {
            statement.setString(1, task);
            statement.setTimestamp(2, Timestamp.from(clock.instant()));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            // A scrape must not fail because the database does; the gauge shows "unknown".
            LOG.warn("Could not count due {} jobs: {}", task, e.getMessage());
            return Double.NaN;
        }
    }
}
