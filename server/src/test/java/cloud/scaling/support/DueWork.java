package cloud.scaling.support;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs the server's due scheduled work in the test's thread at a pinned time: db-scheduler's manual scheduler over
 * the server's table and tasks. Used with {@code scaling.scheduler.enabled=false}, so nothing else runs it.
 */
public final class DueWork {

    private final TestServer server;
    private final ManualScheduler scheduler;

    public DueWork(TestServer server) {
        this.server = server;
        DataSource dataSource =
                DelegatingDataSource.unwrapDataSource(server.context().getBean(DataSource.class));
        List<Task<?>> tasks = server.context().getBeansOfType(Task.class).stream()
                .<Task<?>>map(task -> task)
                .toList();
        this.scheduler = TestHelper.createManualScheduler(dataSource, tasks)
                .clock(new SettableClock())
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
