package cloud.scaling.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The server's one scheduler for durable work: db-scheduler over the application's database, so that a job
 * survives restarts and, with several server processes on one PostgreSQL, runs on exactly one of them. Features
 * contribute their jobs as beans of type {@link Task}; recurring ones are scheduled on start. It starts with the
 * HTTP server (not for admin commands) and reads time from the application clock, so tests drive it by the clock.
 */
@Singleton
public class JobScheduler implements ApplicationEventListener<ServerStartupEvent> {

    /**
     * Every server stamps the jobs it runs this often, from a thread of its own however long a job takes, so a slow
     * job of a live server is never taken away. A job whose stamp is {@link #MISSED_HEARTBEATS_LIMIT} intervals old
     * (10 s) belongs to a dead server: each server looks for such jobs every two intervals and runs them again, so
     * a dead server's jobs are taken over within 10 + 4 s + the polling interval (db-scheduler's defaults, 5 min x 6,
     * let a killed server stall its jobs for half an hour). Each job tolerates running twice (see its task).
     */
    public static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(2);

    public static final int MISSED_HEARTBEATS_LIMIT = 5;

    private final Scheduler scheduler;
    private final boolean enabled;

    public JobScheduler(
            DataSource dataSource,
            List<Task<?>> tasks,
            Clock clock,
            @Value("${scaling.scheduler.polling-interval:1s}") Duration pollingInterval,
            @Value("${scaling.scheduler.threads:16}") int threads,
            @Value("${scaling.scheduler.enabled:true}") boolean enabled) {
        this.enabled = enabled;
        // Start tasks (recurring ones) are known to the scheduler through startTasks; naming them twice is an error.
        List<Task<?>> onDemand =
                tasks.stream().filter(task -> !(task instanceof OnStartup)).toList();
        DataSource pool = DelegatingDataSource.unwrapDataSource(dataSource);
        SchedulerBuilder builder = Scheduler.create(pool, onDemand);
        if (onPostgresql(pool)) {
            // One statement claims a batch of due jobs (SELECT … FOR UPDATE SKIP LOCKED), rather than one UPDATE per
            // job after reading them: a burst of thousands due at once is claimed in a few round trips, and several
            // servers never contend for the same rows. H2 (one server process) keeps the default.
            builder.pollUsingLockAndFetch(0.5, 1.0);
        }
        this.scheduler = builder.startTasks(startTasks(tasks))
                .clock(clock::instant)
                .pollingInterval(pollingInterval)
                .threads(threads)
                .heartbeatInterval(HEARTBEAT_INTERVAL)
                .missedHeartbeatsLimit(MISSED_HEARTBEATS_LIMIT)
                // Unique per process, also for two servers on one machine: the name marks whose executions died.
                .schedulerName(new SchedulerName.Fixed(ManagementFactory.getRuntimeMXBean()
                                .getName() + "/" + UUID.randomUUID().toString().substring(0, 8)))
                .enableImmediateExecution()
                .build();
    }

    private static boolean onPostgresql(DataSource pool) {
        try (Connection connection = pool.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("The database did not say what it is", e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List startTasks(List<Task<?>> tasks) {
        List onStartup = new ArrayList<>();
        tasks.stream().filter(OnStartup.class::isInstance).forEach(onStartup::add);
        return onStartup;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        // Off only in tests that run due work themselves, at a pinned time (db-scheduler's manual scheduler).
        if (enabled) {
            scheduler.start();
        }
    }

    /** Wakes the scheduler to look for due work now rather than at its next poll. */
    public void checkForDueWork() {
        if (enabled) {
            scheduler.triggerCheckForDueExecutions();
        }
    }

    @PreDestroy
    void stop() {
        scheduler.stop();
    }
}
