package cloud.scaling.scheduling;

import cloud.scaling.shared.TransactionScoped;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.micronaut.context.BeanProvider;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    /** The new jobs of the transaction, stored together just before it commits. */
    private final TransactionScoped<List<SchedulableInstance<?>>> pending;

    // The scheduler lazily: it is built from the tasks, and tasks schedule through this.
    public DurableTimers(
            DataSource dataSource,
            BeanProvider<JobScheduler> scheduler,
            TransactionOperations<Connection> transactions) {
        // No tasks needed: this client only inserts executions; the scheduler resolves them by name when due.
        // Which database it is, asked once of the plain pool: the transaction-aware source needs a transaction.
        this.client = SchedulerClient.Builder.create(dataSource)
                .jdbcCustomization(new AutodetectJdbcCustomization(DelegatingDataSource.unwrapDataSource(dataSource)))
                .build();
        this.scheduler = scheduler;
        this.pending = new TransactionScoped<>(transactions, ArrayList::new, jobs -> {
            if (!jobs.isEmpty()) {
                client.scheduleBatch(jobs);
                jobs.clear();
            }
        });
    }

    /**
     * Runs {@code task}'s instance {@code id} at {@code at}, where {@code id} is new by construction (a fresh random
     * id, a counter advanced under a lock): inside a transaction, every such job is stored in one batch just before
     * the commit (a storm's transaction schedules hundreds); an id that is not new fails that commit.
     */
    public void scheduleNew(TaskDescriptor<Void> task, String id, Instant at) {
        SchedulableInstance<Void> job = SchedulableInstance.of(new TaskInstance<>(task.getTaskName(), id), at);
        pending.current().ifPresentOrElse(jobs -> jobs.add(job), () -> client.schedule(job));
    }

    /** Asks the scheduler to look for due work now (after a commit that scheduled some for now). */
    public void runDueWorkSoon() {
        scheduler.get().checkForDueWork();
    }
}
