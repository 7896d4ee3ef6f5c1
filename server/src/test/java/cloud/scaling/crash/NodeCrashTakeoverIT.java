package cloud.scaling.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.support.ApiClient;
import cloud.scaling.support.Await;
import cloud.scaling.support.EscalationPolicyFixture;
import cloud.scaling.support.ServerJar;
import cloud.scaling.support.SpecCheck;
import cloud.scaling.support.WebhookEndpointFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A node crash stalls nothing. Two packaged servers (processes) share one PostgreSQL; server A is killed with
 * SIGKILL while it holds claimed escalation steps (blocked on their incidents' rows, which the test locks), page
 * deliveries (held in their greeting by a slow mail server) and webhook deliveries (held unanswered by the
 * receiver). Server B must take all of it over within the README's bounds: every page and webhook goes out, each
 * page once (A's sessions never reached DATA) and with both attempts on its record, each webhook A had in flight at
 * most twice, the repeat carrying the same webhook-id. B's {@code /metrics} shows A's jobs as dead meanwhile.
 *
 * <p>B is paused (SIGSTOP) while A takes the work, so that A, not B, holds it when it dies; it runs again right
 * after the kill, as the survivor. The waits are bounded polls of the database: a process's clock cannot be
 * pinned. The escalation steps are brought forward in the scheduler's table rather than waited for (a policy's
 * shortest wait is a minute).
 */
class NodeCrashTakeoverIT {

    private static final int PAGED = 3;
    private static final int HELD_WEBHOOKS = 3;
    /** README: a dead server's escalation steps and page deliveries are taken over within 15 s. */
    private static final Duration JOB_BOUND = Duration.ofSeconds(15);
    /** README: its webhook deliveries within the lease (30 s) and a poll (here 1 s; 5 s by default). */
    private static final Duration WEBHOOK_BOUND = Duration.ofSeconds(35);
    /** For a loaded machine: the taken-over work must also run, on 2 cores shared with the database. */
    private static final Duration ALLOWANCE = Duration.ofSeconds(5);

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Pattern MESSAGE_ID = Pattern.compile("<(pge_[0-9A-Za-z]+)@localhost>");

    @Test
    void aKilledServersStepsPagesAndWebhooksAreTakenOverWithinTheBound() throws Exception {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        ServerJar a = null;
        ServerJar b = null;
        try (StallingSmtp smtp = new StallingSmtp(mail.getSmtp().getPort());
                StallingReceiver receiver = new StallingReceiver()) {
            a = ServerJar.onFreshDatabase(true)
                    .withEnvironment("SCALING_SMTP_HOST", "127.0.0.1")
                    .withEnvironment("SCALING_SMTP_PORT", Integer.toString(smtp.port()))
                    .withEnvironment("SCALING_WEBHOOKS_POLL_INTERVAL", "1s")
                    // Room for the held steps and deliveries at once (4 by default).
                    .withEnvironment("SCALING_SCHEDULER_THREADS", "8")
                    .start();
            b = a.sibling().start();
            b.pause();
            ApiClient api = new ApiClient(a.uri(), a.apiKey()).checkedBy(SpecCheck.INSTANCE);
            String admin = api.get("/v1/users")
                    .assertStatus(200)
                    .data()
                    .at("/users/0/id")
                    .asText();
            WebhookEndpointFixture.at(receiver.uri().toString()).create(api);
            String policy = EscalationPolicyFixture.named("p")
                    .pagingUsers(60, admin)
                    .pagingUsers(60, admin)
                    .create(api);
            List<String> incidents = new ArrayList<>();
            for (int i = 0; i < PAGED; i++) {
                incidents.add(api.post(
                                "/v1/incidents",
                                "{\"title\":\"paged " + i + "\",\"severity\":\"high\",\"escalationPolicyId\":\""
                                        + policy + "\"}")
                        .assertStatus(201)
                        .data()
                        .get("id")
                        .asText());
            }

            try (Connection db = a.connectToDatabase();
                    Connection lock = a.connectToDatabase()) {
                await("A holds the first level's pages at the mail server", () -> smtp.held() == PAGED);
                await(
                        "every webhook so far is delivered",
                        () -> count(db, "SELECT COUNT(*) FROM webhook_deliveries WHERE status <> 'delivered'") == 0);

                // A's steps: their incidents' escalation rows are locked here, so A's steps wait for them.
                lock.setAutoCommit(false);
                try (Statement statement = lock.createStatement()) {
                    statement
                            .executeQuery("SELECT * FROM incident_escalations FOR UPDATE")
                            .close();
                }
                assertEquals(
                        PAGED,
                        update(
                                db,
                                "UPDATE scheduled_tasks SET execution_time = CURRENT_TIMESTAMP"
                                        + " WHERE task_name = 'escalation-step'"));
                await(
                        "A runs the escalation steps",
                        () -> count(
                                        db,
                                        "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'escalation-step'"
                                                + " AND picked")
                                == PAGED);

                receiver.stall();
                for (int i = 0; i < HELD_WEBHOOKS; i++) {
                    api.post("/v1/incidents", "{\"title\":\"quiet " + i + "\",\"severity\":\"low\"}")
                            .assertStatus(201);
                }
                // Within A's 10 s webhook timeout: after it, A would give the attempts up itself.
                await("A has the new webhooks in flight", () -> receiver.held() == HELD_WEBHOOKS);
                assertEquals(
                        PAGED, count(db, "SELECT COUNT(*) FROM page_attempts"), "attempts recorded before sending");

                a.kill();
                Instant killed = Instant.now();
                b.resume();
                lock.commit();
                smtp.release();
                receiver.release();

                ApiClient survivor = new ApiClient(b.uri(), b.apiKey()).checkedBy(SpecCheck.INSTANCE);
                await(
                        "B's /metrics shows the steps the dead server holds",
                        () -> gauge(survivor, "scaling_scheduler_dead_jobs", "escalation-step") == PAGED);
                await(
                        "every page delivered and every webhook too",
                        () -> count(db, "SELECT COUNT(*) FROM pages WHERE status = 'delivered'") == 2L * PAGED
                                && count(db, "SELECT COUNT(*) FROM webhook_deliveries WHERE status <> 'delivered'")
                                        == 0);

                // Pages: each once at the mail server (by its Message-ID), the first level's with both attempts.
                Map<String, Integer> mailed = new HashMap<>();
                for (MimeMessage message : mail.getReceivedMessages()) {
                    Matcher id = MESSAGE_ID.matcher(message.getMessageID());
                    assertTrue(id.matches(), message.getMessageID());
                    mailed.merge(id.group(1), 1, Integer::sum);
                }
                List<JsonNode> pages = new ArrayList<>();
                for (String incident : incidents) {
                    survivor.get("/v1/incidents/" + incident)
                            .assertStatus(200)
                            .data()
                            .get("pages")
                            .forEach(pages::add);
                }
                assertEquals(2 * PAGED, pages.size(), "each incident paged its two levels: " + pages);
                for (JsonNode page : pages) {
                    String id = page.get("id").asText();
                    assertEquals(1, mailed.getOrDefault(id, 0), "page " + id + " mailed once: " + mailed);
                    JsonNode attempts = page.get("attempts");
                    JsonNode delivered = attempts.get(attempts.size() - 1);
                    assertEquals("delivered", delivered.get("result").asText(), page.toString());
                    Instant sent = Instant.parse(delivered.get("attemptedAt").asText());
                    assertTrue(
                            sent.isBefore(killed.plus(JOB_BOUND).plus(ALLOWANCE)),
                            "page " + id + " sent at " + sent + ", killed at " + killed);
                    if (page.get("level").asInt() == 1) {
                        assertEquals(2, attempts.size(), "the attempt the crash cut short shows: " + page);
                        assertEquals("failed", attempts.get(0).get("result").asText());
                        assertTrue(
                                attempts.get(0).get("error").asText().startsWith("No outcome recorded"),
                                attempts.toString());
                    } else {
                        assertEquals(1, attempts.size(), page.toString());
                    }
                }

                // Webhooks: A's in-flight ones twice (same webhook-id), in time; every other one once.
                Set<String> sentByA = receiver.received().stream()
                        .filter(received -> received.at().isBefore(killed))
                        .map(StallingReceiver.Received::webhookId)
                        .collect(Collectors.toSet());
                Map<String, List<Instant>> arrivals = new HashMap<>();
                receiver.received()
                        .forEach(received -> arrivals.computeIfAbsent(received.webhookId(), id -> new ArrayList<>())
                                .add(received.at()));
                Set<String> repeated = new HashSet<>();
                arrivals.forEach((id, times) -> {
                    assertTrue(times.size() <= 2, id + " sent " + times.size() + " times");
                    if (times.size() == 2) {
                        repeated.add(id);
                        assertTrue(
                                times.get(1).isBefore(killed.plus(WEBHOOK_BOUND).plus(ALLOWANCE)),
                                "webhook " + id + " sent again at " + times.get(1) + ", killed at " + killed);
                    }
                });
                assertEquals(HELD_WEBHOOKS, repeated.size(), "A's held webhooks, sent again: " + arrivals);
                assertTrue(sentByA.containsAll(repeated), "only what A had sent is repeated");
                assertEquals(
                        count(db, "SELECT COUNT(*) FROM webhook_deliveries"),
                        arrivals.size(),
                        "every webhook delivery reached the receiver");
                assertEquals(0, gauge(survivor, "scaling_scheduler_dead_jobs", "escalation-step"));
                assertEquals(0, gauge(survivor, "scaling_scheduler_dead_jobs", "page-delivery"));
            }
        } finally {
            if (b != null) {
                b.stop();
            }
            if (a != null) {
                a.stop();
            }
            mail.stop();
        }
    }

    private static double gauge(ApiClient server, String name, String task) {
        String metrics = server.get("/metrics").assertStatus(200).body();
        Matcher value = Pattern.compile(Pattern.quote(name + "{task=\"" + task + "\"} ") + "([0-9.]+)")
                .matcher(metrics);
        assertTrue(value.find(), name + " for " + task + " is on /metrics");
        return Double.parseDouble(value.group(1));
    }

    private static long count(Connection db, String sql) {
        try (Statement statement = db.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static int update(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    private static void await(String what, BooleanSupplier done) {
        Await.until(what, PATIENCE, done);
    }
}
