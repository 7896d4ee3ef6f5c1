package cloud.scaling.pager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.scheduling.JobScheduler;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.Await;
import cloud.scaling.support.EscalationPolicyFixture;
import cloud.scaling.support.TestDatabase;
import cloud.scaling.support.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Two servers with running schedulers on one PostgreSQL: 100 incidents whose escalations fall due at the same
 * moment are escalated exactly once each. Time is moved by pinning both servers' clocks; the test then waits
 * (bounded) for the schedulers to finish the work that became due.
 */
class ClusterPagingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static TestServer first;
    private static TestServer second;

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void everyStepRunsExactlyOnceAcrossTwoServers() {
        assumeTrue(TestDatabase.isPostgres(), "two server processes share a PostgreSQL, not an embedded H2 file");
        first = TestServer.dedicated(Map.of("scaling.scheduler.polling-interval", "100ms"));
        second = first.restartedOnSameDatabase();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(1, ChronoUnit.DAYS);
        pin(t0);

        Provisioned admin = first.newOrganization();
        Provisioned onCall = first.newMember(admin.orgId());
        Provisioned backup = first.newMember(admin.orgId());
        ApiClient viaFirst = first.api(admin.apiKey());
        ApiClient viaSecond = second.api(admin.apiKey());
        String policy = EscalationPolicyFixture.named("p")
                .pagingUsers(60, onCall.userId())
                .pagingUsers(60, backup.userId())
                .create(viaFirst);
        for (int i = 0; i < 100; i++) {
            (i % 2 == 0 ? viaFirst : viaSecond)
                    .post(
                            "/v1/incidents",
                            "{\"title\":\"t" + i + "\",\"severity\":" + "\"high\",\"escalationPolicyId\":\"" + policy
                                    + "\"}")
                    .assertStatus(201);
        }
        assertEquals(100, count("SELECT COUNT(*) FROM pages WHERE level = 1"));

        pin(t0.plusSeconds(60));
        awaitNoDueWork(t0.plusSeconds(60));
        assertEquals(100, count("SELECT COUNT(*) FROM pages WHERE level = 2"), "level 2 paged once per incident");
        assertEquals(100, count("SELECT COUNT(*) FROM incident_escalations WHERE level = 2 AND state = 'paging'"));

        pin(t0.plusSeconds(120));
        awaitNoDueWork(t0.plusSeconds(120));
        assertEquals(100, count("SELECT COUNT(*) FROM incident_escalations WHERE state = 'exhausted'"));
        assertEquals(List.of(List.<Object>of(200L)), first.query("SELECT COUNT(*) FROM pages"), "nobody paged twice");
        assertEquals(200, count("SELECT COUNT(*) FROM page_attempts"), "each page attempted once (no SMTP: failed)");
    }

    private static void pin(Instant at) {
        first.clock().pin(at);
        second.clock().pin(at);
        first.context().getBean(JobScheduler.class).checkForDueWork();
        second.context().getBean(JobScheduler.class).checkForDueWork();
    }

    /** Waits until the schedulers have run everything due by {@code at}; fails after {@link #PATIENCE}. */
    private static void awaitNoDueWork(Instant at) {
        await(() -> count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name <> 'idempotency-purge' AND "
                        + "execution_time <= '" + at + "'")
                == 0);
    }

    private static void await(BooleanSupplier done) {
        Await.until("due work done", PATIENCE, done);
    }

    private static long count(String sql) {
        return ((Number) first.query(sql).get(0).get(0)).longValue();
    }
}
