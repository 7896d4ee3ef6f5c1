package cloud.scaling.support;

import cloud.scaling.scheduling.JobScheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs the server's due scheduled work in the test's thread at a pinned time: db-scheduler's manual scheduler over
 * the server's table and tasks. Used with {@code scaling.scheduler.enabled=false}, so nothing else runs it.
 */
public final class DueWork {

    /**
     * How long a job must have gone without a heartbeat for {@link #detectDeadAt} to take it over: the server's
     * heartbeat interval, times db-scheduler's default limit (its manual scheduler ignores the server's limit).
     */
    public static final Duration DEAD_AFTER =
            JobScheduler.HEARTBEAT_INTERVAL.multipliedBy(SchedulerBuilder.DEFAULT_MISSED_HEARTBEATS_LIMIT);

    private final TestServer server;
    private final ManualScheduler scheduler;

    public DueWork(TestServer server) {
        this.server = server;
        DataSource dataSource =
                DelegatingDataSource.unwrapDataSource(server.context().getBean(DataSource.class));
        List<Task<?>> tasks = server.context().getBeansOfType(Task.class).stream()
                .<Task<?>>map(task -> task)
                .toList();
        this.scheduler = (ManualScheduler) TestHelper.createManualScheduler(dataSource, tasks)
                .clock(new SettableClock())
                .heartbeatInterval(JobScheduler.HEARTBEAT_INTERVAL)
                .build();
    }

    /** Pins the application clock at {@code at} and runs everything due by then, repeatedly until nothing is. */
    public void runAt(Instant at) {
        server.clock().pin(at);
        scheduler.setTime(at);
        // Work may schedule more work for now (an escalation step pages, the page is delivered): run that too.
        for (int round = 0; round < 10 && due(at) > 0; round++) {
            scheduler.runAnyDueExecutions();
        }
    }

    /**
     * Pins the clock at {@code at} and lets this server look for jobs held by a server that stopped heartbeating, as
     * every running server does every two heartbeat intervals: those it finds are due again (run them with
     * {@link #runAt}).
     */
    public void detectDeadAt(Instant at) {
        server.clock().pin(at);
        scheduler.setTime(at);
        scheduler.runDeadExecutionDetection();
    }

    private long due(Instant at) {
        return ((Number) server.query(
                                "SELECT COUNT(*) FROM scheduled_tasks WHERE execution_time <= ? AND picked = ?",
                                at.atOffset(java.time.ZoneOffset.UTC),
                                false)
                        .get(0)
                        .get(0))
                .longValue();
    }
}
