package cloud.scaling.pager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.CapturedLogs;
import cloud.scaling.support.DueWork;
import cloud.scaling.support.EscalationPolicyFixture;
import cloud.scaling.support.MailServer;
import cloud.scaling.support.Promtool;
import cloud.scaling.support.Scrape;
import cloud.scaling.support.TestServer;
import com.github.kagkarlsson.scheduler.task.Task;
import com.icegreen.greenmail.util.GreenMail;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The paging path's series on {@code /metrics}, as a Prometheus scraping the real server sees them, while pages go
 * to a real SMTP server (GreenMail) and then during its outage. Time moves by pinning the application clock and
 * running the due work at that moment, so delays and lateness are exact.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagingMetricsTest {

    private static final GreenMail mail = MailServer.started();
    private static final TestServer server = MailServer.pagingThrough(mail);
    private static final DueWork due = new DueWork(server);

    /** The scheduler's class that logs a job's exception as "Unhandled exception ... Treating as failure". */
    private static final Class<?> SCHEDULER_EXECUTION = schedulerExecution();

    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(1, ChronoUnit.DAYS);
    private final Provisioned admin = server.newOrganization();
    private final ApiClient api = server.api(admin.apiKey());

    private static Class<?> schedulerExecution() {
        try {
            return Class.forName("com.github.kagkarlsson.scheduler.ExecutePicked");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("db-scheduler moved its execution logging: update this test", e);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
        mail.stop();
    }

    @Test
    @Order(1)
    void aPageHandedOverLateAndALateStepShowInTheirHistograms() {
        server.clock().pin(t0);
        Scrape before = Scrape.of(server);
        incidentPaging(twoLevelPolicy(60));

        due.runAt(t0.plusSeconds(40));
        Scrape delivered = Scrape.of(server);
        assertEquals(1, delivered.increaseSince(before, "scaling_page_delivery_attempts_total", "channel", "email"));
        assertEquals(0, delivered.increaseSince(before, "scaling_page_delivery_failures_total", "channel", "email"));
        assertEquals(
                1, delivered.increaseSince(before, "scaling_pages_total", "channel", "email", "outcome", "delivered"));
        assertEquals(
                1, delivered.increaseSince(before, "scaling_page_delivery_delay_seconds_count", "channel", "email"));
        assertEquals(
                40, delivered.increaseSince(before, "scaling_page_delivery_delay_seconds_sum", "channel", "email"));
        assertEquals(
                0,
                delivered.increaseSince(
                        before, "scaling_page_delivery_delay_seconds_bucket", "channel", "email", "le", "30.0"));
        assertEquals(
                1,
                delivered.increaseSince(
                        before, "scaling_page_delivery_delay_seconds_bucket", "channel", "email", "le", "60.0"));

        // Level 2 falls due at t0 + 60 s and runs 90 s late; its page is then handed over at once.
        due.runAt(t0.plusSeconds(150));
        Scrape stepped = Scrape.of(server);
        assertEquals(1, stepped.increaseSince(delivered, "scaling_escalation_step_lateness_seconds_count"));
        assertEquals(90, stepped.increaseSince(delivered, "scaling_escalation_step_lateness_seconds_sum"));
        assertEquals(
                0, stepped.increaseSince(delivered, "scaling_escalation_step_lateness_seconds_bucket", "le", "60.0"));
        assertEquals(
                1, stepped.increaseSince(delivered, "scaling_escalation_step_lateness_seconds_bucket", "le", "120.0"));
        assertEquals(
                2, stepped.increaseSince(before, "scaling_pages_total", "channel", "email", "outcome", "delivered"));
    }

    @Test
    @Order(2)
    void everyDurableTaskHasItsBacklogSeries() {
        Set<String> tasks = server.context().getBeansOfType(Task.class).stream()
                .map(Task::getName)
                .collect(Collectors.toSet());
        Scrape scrape = Scrape.of(server);
        assertEquals(
                tasks,
                scrape.matching("scaling_scheduler_due_jobs").stream()
                        .map(sample -> sample.labels().get("task"))
                        .collect(Collectors.toSet()));
    }

    /** Last: the mail server stays down for the rest of the class. */
    @Test
    @Order(3)
    void withTheMailServerStoppedThePageFailureCountersRise() {
        server.clock().pin(t0);
        Scrape before = Scrape.of(server);
        mail.stop();
        incidentPaging(twoLevelPolicy(3600));

        List<String> logged;
        try (CapturedLogs logs = CapturedLogs.of(PageDelivery.class, SCHEDULER_EXECUTION)) {
            due.runAt(t0);
            logged = logs.lines();
        }
        assertEquals(1, logged.size(), logged.toString());
        assertTrue(
                logged.get(0)
                        .matches("WARN .*PageDelivery - Page pge_\\S+ of incident \\S+ to user_\\S+ by email "
                                + "failed \\(attempt 1 of 5\\): MailConnectException: .*; next attempt at "
                                + t0.plusSeconds(30) + ""),
                "one line with the page, attempt and cause, no stack trace, no scheduler error: " + logged);
        Scrape firstFailure = Scrape.of(server);
        assertEquals(1, firstFailure.increaseSince(before, "scaling_page_delivery_failures_total", "channel", "email"));
        assertEquals(
                0,
                firstFailure.increaseSince(before, "scaling_pages_total", "channel", "email", "outcome", "failed"),
                "retried later");
        assertEquals(
                0,
                firstFailure.value("scaling_scheduler_due_jobs", "task", "page-delivery"),
                "not due: the retry waits for its backoff");

        try (CapturedLogs logs = CapturedLogs.of(PageDelivery.class, SCHEDULER_EXECUTION)) {
            for (int minutes = 10; minutes <= 50; minutes += 10) {
                due.runAt(t0.plus(minutes, ChronoUnit.MINUTES));
            }
            logged = logs.lines();
        }
        assertEquals(PageDelivery.MAX_ATTEMPTS - 1, logged.size(), logged.toString());
        assertTrue(logged.get(logged.size() - 1).contains("(attempt 5 of 5)"), logged.toString());
        assertTrue(logged.get(logged.size() - 1).endsWith("; given up"), logged.toString());
        Scrape givenUp = Scrape.of(server);
        assertEquals(
                PageDelivery.MAX_ATTEMPTS,
                givenUp.increaseSince(before, "scaling_page_delivery_attempts_total", "channel", "email"));
        assertEquals(
                PageDelivery.MAX_ATTEMPTS,
                givenUp.increaseSince(before, "scaling_page_delivery_failures_total", "channel", "email"));
        assertEquals(1, givenUp.increaseSince(before, "scaling_pages_total", "channel", "email", "outcome", "failed"));
        assertEquals(0, givenUp.increaseSince(before, "scaling_page_delivery_delay_seconds_count", "channel", "email"));

        // The shipped rules on these very figures: ten minutes as before the outage, then as after it.
        Map<String, String> series = new LinkedHashMap<>();
        for (String name : List.of("scaling_page_delivery_failures_total", "scaling_pages_total")) {
            for (Scrape.Sample sample : givenUp.matching(name, "channel", "email")) {
                String labels = sample.labels().entrySet().stream()
                        .map(label -> "," + label.getKey() + "=\"" + label.getValue() + "\"")
                        .collect(Collectors.joining());
                double was = before.value(
                        name,
                        sample.labels().entrySet().stream()
                                .flatMap(label -> Stream.of(label.getKey(), label.getValue()))
                                .toArray(String[]::new));
                series.put(
                        name + "{job=\"scaling\",instance=\"test\"" + labels + "}",
                        (long) was + "x9 " + (long) sample.value() + "x10");
            }
        }
        Map<String, String> labels = Map.of("job", "scaling", "channel", "email");
        Promtool.Run quiet = Promtool.unitTest(series, 9, Map.of());
        assertEquals(0, quiet.exitCode(), "nothing fires before the outage:\n" + quiet.output());
        Promtool.Run firing = Promtool.unitTest(
                series, 12, Map.of("ScalingPageDeliveryFailing", labels, "ScalingPagesGivenUp", labels));
        assertEquals(0, firing.exitCode(), "the page alerts fire on the outage's series:\n" + firing.output());
    }

    /** A policy paging the admin at once, then a member after {@code waitSeconds}. */
    private String twoLevelPolicy(int waitSeconds) {
        Provisioned member = server.newMember(admin.orgId());
        return EscalationPolicyFixture.named("p-" + System.nanoTime())
                .pagingUsers(waitSeconds, admin.userId())
                .pagingUsers(waitSeconds, member.userId())
                .create(api);
    }

    private void incidentPaging(String policy) {
        api.post("/v1/incidents", "{\"title\":\"t\",\"severity\":\"low\",\"escalationPolicyId\":\"" + policy + "\"}")
                .assertStatus(201);
    }
}
