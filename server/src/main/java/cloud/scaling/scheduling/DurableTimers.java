package cloud.scaling.scheduling;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.micronaut.context.BeanProvider;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Schedules one-time jobs of {@link JobScheduler} from inside a feature's transaction. It writes through the
 * application's transaction-aware data source (not the unwrapped one the scheduler polls with), so the job is
 * stored in the same commit as the change that needs it: it cannot run before that change is visible, nor
 * survive it being rolled back, nor be lost when the process dies right after the commit.
 */
@Singleton
public class DurableTimers {

    private final SchedulerClient client;
    private final BeanProvider<JobScheduler> scheduler;

    // The scheduler lazily: it is built from the tasks, and tasks schedule through this.
    public DurableTimers(DataSource dataSource, BeanProvider<JobScheduler> scheduler) {
        // No tasks needed: this client only inserts executions; the scheduler resolves them by name when due.
        // Which database it is, asked once of the plain pool: the transaction-aware source needs a transaction.
        this.client = SchedulerClient.Builder.create(dataSource)
                .jdbcCustomization(new AutodetectJdbcCustomization(DelegatingDataSource.unwrapDataSource(dataSource)))
                .build();
        this.scheduler = scheduler;
    }

    /** Runs {@code task}'s instance {@code id} at {@code at} (once; an instance already scheduled is kept). */
    public void schedule(TaskDescriptor<Void> task, String id, Instant at) {
        client.scheduleIfNotExists(new TaskInstance<Void>(task.getTaskName(), id), at);
    }

    /** Asks the scheduler to look for due work now (after a commit that scheduled some for now). */
    public void runDueWorkSoon() {
        scheduler.get().checkForDueWork();
    }
}
