package cloud.scaling.pager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.scheduling.JobScheduler;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.DueWork;
import cloud.scaling.support.EscalationPolicyFixture;
import cloud.scaling.support.MailServer;
import cloud.scaling.support.ScheduleFixture;
import cloud.scaling.support.TestServer;
import cloud.scaling.support.WorkingHoursFixture;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The paging engine end to end: a real server, pages delivered to a real SMTP server, and time moved by pinning the
 * application clock and running the scheduler's due work at that moment (the server's own scheduler is off).
 */
class PagingTest {

    private static final GreenMail mail = MailServer.started();
    private static final TestServer server = MailServer.pagingThrough(mail);
    private static final DueWork due = new DueWork(server);

    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(1, ChronoUnit.DAYS);
    private Provisioned admin;
    private ApiClient api;

    @AfterAll
    static void stop() {
        server.close();
        mail.stop();
    }

    @BeforeEach
    void organization() throws Exception {
        server.clock().pin(t0);
        admin = server.newOrganization();
        api = server.api(admin.apiKey());
        mail.purgeEmailFromAllMailboxes();
    }

    /** Create → level 1 paged at once and mailed → its wait passes → level 2 → acknowledged: nothing more. */
    @Test
    void unacknowledgedIncidentsEscalateLevelByLevelUntilAcknowledged() throws Exception {
        Provisioned first = server.newMember(admin.orgId(), "first@example.test");
        Provisioned second = server.newMember(admin.orgId(), "second@example.test");
        String policy = policy(level(first.userId(), 300), level(second.userId(), 600));

        JsonNode created = api.post(
                        "/v1/incidents",
                        "{\"title\":\"Checkout down\",\"severity\":\"critical\"," + "\"escalationPolicyId\":\"" + policy
                                + "\"}")
                .assertStatus(201)
                .data();
        assertEquals(policy, created.get("escalationPolicyId").asText());
        String id = created.get("id").asText();
        JsonNode escalation = incident(id).get("escalation");
        assertEquals("paging", escalation.get("state").asText());
        assertEquals(1, escalation.get("level").asInt());
        assertEquals(
                iso(t0.plusSeconds(300)), escalation.get("nextEscalationAt").asText());
        JsonNode page = incident(id).get("pages").get(0);
        assertEquals(
                List.of(first.userId(), "escalation", "1", "pending"),
                List.of(
                        page.get("userId").asText(),
                        page.get("reason").asText(),
                        page.get("level").asText(),
                        page.get("status").asText()));

        assertTrue(dueDeliveries() >= 1, "the backlog metric counts the page not yet delivered");
        due.runAt(t0);
        assertEquals(0, dueDeliveries(), "nothing is late once the due work ran");
        assertEquals(List.of("first@example.test"), recipients());
        assertTrue(java.util.Arrays.stream(mail.getReceivedMessages())
                .anyMatch(message -> subject(message).equals("[Scaling] critical: Checkout down")));
        page = incident(id).get("pages").get(0);
        assertEquals("delivered", page.get("status").asText());
        assertEquals(iso(t0), page.get("attempts").get(0).get("attemptedAt").asText());
        assertEquals(1, page.get("attempts").size());
        assertEquals(
                "<" + page.get("id").asText() + "@localhost>",
                mail.getReceivedMessages()[0].getMessageID(),
                "the Message-ID is the page's, the same for every attempt, so a repeat is recognisable");

        due.runAt(t0.plusSeconds(299));
        assertEquals(1, incident(id).get("pages").size(), "nothing before the wait is over");

        due.runAt(t0.plusSeconds(300));
        escalation = incident(id).get("escalation");
        assertEquals(2, escalation.get("level").asInt());
        assertEquals(iso(t0.plusSeconds(300)), escalation.get("levelStartedAt").asText());
        assertEquals(
                iso(t0.plusSeconds(900)), escalation.get("nextEscalationAt").asText());
        assertEquals(List.of("first@example.test", "second@example.test"), recipients());

        api.post("/v1/incidents/" + id + "/acknowledge", null).assertStatus(200);
        due.runAt(t0.plusSeconds(2000));
        escalation = incident(id).get("escalation");
        assertEquals("acknowledged", escalation.get("state").asText());
        assertTrue(escalation.get("nextEscalationAt").isNull());
        assertEquals(2, incident(id).get("pages").size(), "acknowledged: nobody else is paged");
    }

    /**
     * A user who changes their address through the API is paged at the new one from then on, a page made before
     * the change but not delivered yet included; the old address gets nothing more.
     */
    @Test
    void pagesAfterAnEmailChangeGoToTheNewAddress() throws Exception {
        String before = "before-" + java.util.UUID.randomUUID() + "@example.test";
        String after = "after-" + java.util.UUID.randomUUID() + "@example.test";
        Provisioned member = server.newMember(admin.orgId(), before);
        String policy = policy(level(member.userId(), 300));
        incidentWith(policy);
        due.runAt(t0);
        assertEquals(
                List.of(before),
                recipients().stream()
                        .filter(to -> to.equals(before) || to.equals(after))
                        .toList());

        incidentWith(policy);
        server.api(member.apiKey())
                .patch("/v1/users/" + member.userId(), "{\"email\":\"" + after + "\"}")
                .assertStatus(200);
        incidentWith(policy);
        due.runAt(t0);

        assertEquals(
                List.of(before, after, after),
                recipients().stream()
                        .filter(to -> to.equals(before) || to.equals(after))
                        .toList());
    }

    /** After the last level's wait escalation is exhausted, and the incident stays open. */
    @Test
    void escalationStopsAfterTheLastLevelAndTheIncidentStaysOpen() {
        Provisioned only = server.newMember(admin.orgId());
        String id = incidentWith(policy(level(only.userId(), 60)));
        due.runAt(t0.plusSeconds(60));
        JsonNode incident = incident(id);
        assertEquals("exhausted", incident.get("escalation").get("state").asText());
        assertEquals("investigating", incident.get("status").asText());
        assertEquals(1, incident.get("pages").size());
    }

    /** Resolving stops escalation: the step that falls due later changes nothing. */
    @Test
    void resolvingStopsEscalation() {
        Provisioned first = server.newMember(admin.orgId());
        Provisioned second = server.newMember(admin.orgId());
        String id = incidentWith(policy(level(first.userId(), 60), level(second.userId(), 60)));
        for (String status : List.of("identified", "monitoring", "resolved")) {
            api.patch("/v1/incidents/" + id + "/status", "{\"status\":\"" + status + "\"}")
                    .assertStatus(200);
        }
        due.runAt(t0.plusSeconds(600));
        assertEquals("stopped", incident(id).get("escalation").get("state").asText());
        assertEquals(1, incident(id).get("pages").size());
    }

    /** A handoff pages the new owner and the current level's wait starts again from the handoff. */
    @Test
    void handoffPagesTheTargetAndRestartsTheWait() throws Exception {
        Provisioned first = server.newMember(admin.orgId(), "on-call@example.test");
        Provisioned second = server.newMember(admin.orgId());
        Provisioned expert = server.newMember(admin.orgId(), "expert@example.test");
        String id = incidentWith(policy(level(first.userId(), 300), level(second.userId(), 300)));
        server.clock().pin(t0.plusSeconds(200));
        api.post("/v1/incidents/" + id + "/handoff", "{\"targetUserId\":\"" + expert.userId() + "\"}")
                .assertStatus(200);
        due.runAt(t0.plusSeconds(300));
        JsonNode incident = incident(id);
        assertEquals(1, incident.get("escalation").get("level").asInt(), "the old wait no longer escalates");
        assertEquals(
                iso(t0.plusSeconds(500)),
                incident.get("escalation").get("nextEscalationAt").asText());
        JsonNode handoff = incident.get("pages").get(1);
        assertEquals(
                List.of(expert.userId(), "handoff", "delivered"),
                List.of(
                        handoff.get("userId").asText(),
                        handoff.get("reason").asText(),
                        handoff.get("status").asText()));
        assertTrue(handoff.get("level").isNull());
        assertEquals(List.of("on-call@example.test", "expert@example.test"), recipients());
        due.runAt(t0.plusSeconds(500));
        assertEquals(2, incident(id).get("escalation").get("level").asInt());
    }

    /**
     * Working-hours conditions are evaluated when escalation reaches the level, in the set's time zone: a level for
     * office hours (09:00–17:00 in New York) is skipped at night; if every level is skipped the last pages anyway.
     */
    @Test
    void levelsConditionedOnWorkingHoursApplyOnlyWhenTheirConditionHolds() {
        String hours = WorkingHoursFixture.named("NY office", "America/New_York")
                .window("09:00", "17:00", 1, 2, 3, 4, 5, 6, 7)
                .create(api);
        Provisioned office = server.newMember(admin.orgId());
        Provisioned night = server.newMember(admin.orgId());
        String policy = EscalationPolicyFixture.named("Follow the office")
                .pagingUsers(300, office.userId())
                .when("during", hours)
                .pagingUsers(300, night.userId())
                .when("outside", hours)
                .create(api);
        // 15:00 UTC is 10:00 or 11:00 in New York: office hours. 06:00 UTC is 01:00 or 02:00: night.
        Instant officeHours = t0.truncatedTo(ChronoUnit.DAYS).plusSeconds(15 * 3600);
        Instant nightTime = t0.truncatedTo(ChronoUnit.DAYS).plusSeconds(6 * 3600);
        server.clock().pin(officeHours);
        assertEquals(office.userId(), firstPaged(incidentWith(policy)));
        server.clock().pin(nightTime);
        assertEquals(night.userId(), firstPaged(incidentWith(policy)));

        String duringOnly = EscalationPolicyFixture.named("Office only")
                .pagingUsers(300, office.userId())
                .when("during", hours)
                .pagingUsers(300, night.userId())
                .when("during", hours)
                .create(api);
        assertEquals(night.userId(), firstPaged(incidentWith(duringOnly)), "none applies: the last pages anyway");
    }

    /** An incident created from a schedule pages through the policy whose first level targets that schedule. */
    @Test
    void anIncidentFromAScheduleAttachesThePolicyOfThatSchedule() {
        String schedule = ScheduleFixture.named("Primary").create(api);
        String policy = EscalationPolicyFixture.named("Primary policy")
                .pagingSchedule(schedule, 300)
                .create(api);
        JsonNode created = api.post(
                        "/v1/incidents",
                        "{\"title\":\"t\",\"severity\":\"low\",\"ownerScheduleId\":\"" + schedule + "\"}")
                .assertStatus(201)
                .data();
        assertEquals(policy, created.get("escalationPolicyId").asText());
        // Nobody is on call on an empty schedule: nothing to page, so escalation ends at once.
        assertEquals(
                "exhausted",
                incident(created.get("id").asText())
                        .get("escalation")
                        .get("state")
                        .asText());
    }

    @Test
    void anotherOrganizationsPolicyIsRefused() {
        String foreign = EscalationPolicyFixture.named("Theirs")
                .create(server.api(server.newOrganization().apiKey()));
        api.post("/v1/incidents", "{\"title\":\"t\",\"severity\":\"low\",\"escalationPolicyId\":\"" + foreign + "\"}")
                .assertError(400, "invalid_request_error", "invalid_escalation_policy_id");
    }

    /** The escalation's timer lives in the database: a server started after the step fell due takes it. */
    @Test
    void aStepDueWhileNoServerRanIsTakenAfterTheRestart() {
        TestServer first = TestServer.dedicated(Map.of("scaling.scheduler.enabled", false));
        first.clock().pin(t0);
        Provisioned owner = first.newOrganization();
        ApiClient client = first.api(owner.apiKey());
        Provisioned a = first.newMember(owner.orgId());
        Provisioned b = first.newMember(owner.orgId());
        String policy = EscalationPolicyFixture.named("p").create(client);
        addLayers(client, policy, List.of(a.userId(), b.userId()));
        String id = client.post(
                        "/v1/incidents",
                        "{\"title\":\"t\",\"severity\":\"low\",\"escalationPolicyId\":\"" + policy + "\"}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
        first.close();

        TestServer restarted = first.restartedOnSameDatabase();
        try {
            new DueWork(restarted).runAt(t0.plusSeconds(3600));
            JsonNode escalation = restarted
                    .api(owner.apiKey())
                    .get("/v1/incidents/" + id)
                    .data()
                    .get("escalation");
            assertEquals(2, escalation.get("level").asInt());
        } finally {
            restarted.close();
        }
    }

    /**
     * A page whose delivery a server had taken when it was killed: it stops heartbeating, /metrics shows the job as
     * held by a dead server, and once it missed the heartbeat limit another server takes it over and delivers it.
     */
    @Test
    void aDeliveryHeldByAServerThatDiedShowsOnMetricsAndIsTakenOverAfterTheHeartbeatLimit() throws Exception {
        Provisioned only = server.newMember(admin.orgId(), "taken-over@example.test");
        String id = incidentWith(policy(level(only.userId(), 600)));
        String pageId = incident(id).get("pages").get(0).get("id").asText();
        // What the killed server left: the job taken at t0, its heartbeat never renewed.
        assertEquals(
                1,
                server.update(
                        "UPDATE scheduled_tasks SET picked = ?, picked_by = 'killed', last_heartbeat = ?"
                                + " WHERE task_name = 'page-delivery' AND task_instance = ?",
                        true,
                        t0.atOffset(java.time.ZoneOffset.UTC),
                        pageId));
        server.clock().pin(t0.plus(JobScheduler.HEARTBEAT_INTERVAL));
        assertEquals(0, gauge("scaling_scheduler_dead_jobs"), "one interval late is a live server's heartbeat");
        due.detectDeadAt(t0.plus(DueWork.DEAD_AFTER).minusSeconds(1));
        assertEquals(1, gauge("scaling_scheduler_dead_jobs"), "two missed heartbeats: the alertable number");
        assertEquals(0, dueDeliveries(), "held, not due: the backlog gauge alone would not see it");
        assertEquals(List.of(), recipients(), "not taken over before the limit");

        due.detectDeadAt(t0.plus(DueWork.DEAD_AFTER));
        due.runAt(t0.plus(DueWork.DEAD_AFTER));
        assertEquals(0, gauge("scaling_scheduler_dead_jobs"));
        assertEquals(List.of("taken-over@example.test"), recipients());
        assertEquals("delivered", incident(id).get("pages").get(0).get("status").asText());
    }

    /**
     * A dead mail server: every attempt is recorded with its error and retried with backoff until the attempts run
     * out; the incident and its escalation go on regardless.
     */
    @Test
    void aDeadMailServerIsRetriedWithBackoffAndNeverBlocksTheIncident() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TestServer deadMail = TestServer.dedicated(Map.of(
                "scaling.scheduler.enabled", false, "scaling.smtp.host", "127.0.0.1", "scaling.smtp.port", closedPort));
        try {
            deadMail.clock().pin(t0);
            Provisioned owner = deadMail.newOrganization();
            ApiClient client = deadMail.api(owner.apiKey());
            String policy = EscalationPolicyFixture.named("p")
                    .pagingUsers(600, owner.userId())
                    .create(client);
            String id = client.post(
                            "/v1/incidents",
                            "{\"title\":\"t\",\"severity\":\"low\",\"escalationPolicyId\":\"" + policy + "\"}")
                    .assertStatus(201)
                    .data()
                    .get("id")
                    .asText();
            DueWork work = new DueWork(deadMail);
            work.runAt(t0);
            JsonNode page =
                    client.get("/v1/incidents/" + id).data().get("pages").get(0);
            assertEquals("pending", page.get("status").asText(), "tried again later");
            assertTrue(
                    page.get("attempts").get(0).get("error").asText().contains("onnect"),
                    page.get("attempts").toString());
            client.post("/v1/incidents/" + id + "/acknowledge", null).assertStatus(200);

            for (int hour = 1; hour <= 6; hour++) {
                work.runAt(t0.plus(hour, ChronoUnit.HOURS));
            }
            page = client.get("/v1/incidents/" + id).data().get("pages").get(0);
            assertEquals("failed", page.get("status").asText());
            assertEquals(PageDelivery.MAX_ATTEMPTS, page.get("attempts").size());
            assertEquals(
                    "acknowledged",
                    client.get("/v1/incidents/" + id)
                            .data()
                            .get("escalation")
                            .get("state")
                            .asText());
        } finally {
            deadMail.close();
        }
    }

    /** An alert routed to provisional_page pages its first level only: after that wait, exhausted. */
    @Test
    void aProvisionalPageStopsAtItsFirstLevel() throws Exception {
        Provisioned first = server.newMember(admin.orgId(), "first@example.test");
        Provisioned second = server.newMember(admin.orgId(), "second@example.test");
        String policy = policy(level(first.userId(), 300), level(second.userId(), 600));
        StringBuilder rules = new StringBuilder();
        for (String severity : List.of("critical", "high", "medium", "low")) {
            rules.append(rules.isEmpty() ? "" : ",")
                    .append("{\"severity\":\"")
                    .append(severity)
                    .append("\",\"outcome\":\"provisional_page\",\"escalationPolicyId\":\"")
                    .append(policy)
                    .append("\"}");
        }
        String routing = api.post("/v1/routing/policies", "{\"name\":\"Provisional\",\"rules\":[" + rules + "]}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
        String token = genericIntegrationToken("\"routingPolicyId\":\"" + routing + "\"");
        String id = alert(token, "{\"title\":\"Queue backing up\",\"severity\":\"medium\",\"dedupKey\":\"queue\"}")
                .get("alerts")
                .get(0)
                .get("incidentId")
                .asText();
        assertEquals(1, incident(id).get("escalation").get("level").asInt());

        due.runAt(t0.plusSeconds(300));
        JsonNode escalation = incident(id).get("escalation");
        assertEquals("exhausted", escalation.get("state").asText(), "no second level for a provisional page");
        assertEquals(1, incident(id).get("pages").size());
        assertEquals(List.of("first@example.test"), recipients());
        assertEquals("investigating", incident(id).get("status").asText(), "the incident stays open");
    }

    /** What an alert carries (its description, links and labels) reaches the responder's page email. */
    @Test
    void anAlertsContextReachesThePageEmail() throws Exception {
        Provisioned responder = server.newMember(admin.orgId(), "context@example.test");
        String policy = policy(level(responder.userId(), 300));
        String component = api.post("/v1/components", "{\"name\":\"Queues\",\"escalationPolicyId\":\"" + policy + "\"}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
        String token = genericIntegrationToken("\"componentId\":\"" + component + "\"");
        JsonNode result = alert(
                        token,
                        "{\"title\":\"Emails queue growing\",\"severity\":\"critical\",\"dedupKey\":\"emails\","
                                + "\"description\":\"The emails queue has grown for 10 minutes.\","
                                + "\"links\":{\"runbookUrl\":\"https://runbooks.example.com/queues\"},"
                                + "\"attributes\":{\"queue\":\"emails\"}}")
                .get("results")
                .get(0);
        assertTrue(result.get("paged").asBoolean(), result.toString());
        assertTrue(result.get("notPagedReason").isNull());

        due.runAt(t0);
        MimeMessage page = java.util.Arrays.stream(mail.getReceivedMessages())
                .filter(message -> subject(message).equals("[Scaling] critical: Emails queue growing"))
                .findFirst()
                .orElseThrow();
        String text = cloud.scaling.support.PageEmails.text(page);
        assertTrue(text.contains("The emails queue has grown for 10 minutes."), text);
        assertTrue(text.contains("Runbook: https://runbooks.example.com/queues"), text);
        assertTrue(text.contains("Labels: queue=emails"), text);
        // The notice's own sections, from the alert itself, the component and the policy that paged.
        assertTrue(text.contains("Components: Queues\n"), text);
        assertTrue(text.contains("Alert labels:\n  queue=emails\n"), text);
        assertTrue(text.contains("Alert links:\n  Runbook: https://runbooks.example.com/queues\n"), text);
        assertTrue(text.contains("You are paged by level 1 of escalation policy \"p-"), text);
        assertTrue(
                text.contains("SCALING_PUBLIC_URL, is not set). Acknowledge with the API: POST /v1/incidents/"
                        + result.get("incidentId").asText()
                        + "/acknowledge"),
                "without a public address, no links: the email says how to act through the API\n" + text);
        assertTrue(cloud.scaling.support.PageEmails.html(page).contains("https://runbooks.example.com/queues"));
    }

    /** The ingest token of a new generic integration with {@code field} (one JSON member) set. */
    private String genericIntegrationToken(String field) {
        return api.post("/v1/integrations/inbound", "{\"name\":\"Monitor\",\"type\":\"generic\"," + field + "}")
                .assertStatus(201)
                .data()
                .get("token")
                .asText();
    }

    /** A generic alert sent with an integration's ingest token: the 202's data. */
    private JsonNode alert(String token, String body) {
        return api.sendRaw(java.net.http.HttpRequest.newBuilder(api.base().resolve("/v1/alerts/generic"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)))
                .assertStatus(202)
                .data();
    }

    private static void addLayers(ApiClient client, String policy, List<String> userIds) {
        for (int i = 0; i < userIds.size(); i++) {
            client.post(
                            "/v1/escalation/policies/" + policy + "/layers",
                            "{\"position\":" + (i + 1)
                                    + ",\"ackTimeoutMinutes\":1,\"target\":{\"type\":\"users\",\"userIds\":[\""
                                    + userIds.get(i)
                                    + "\"]}}")
                    .assertStatus(201);
        }
    }

    private String firstPaged(String incidentId) {
        return incident(incidentId).get("pages").get(0).get("userId").asText();
    }

    private String incidentWith(String policy) {
        return api.post(
                        "/v1/incidents",
                        "{\"title\":\"t\",\"severity\":\"low\",\"escalationPolicyId\":\"" + policy + "\"}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
    }

    private JsonNode incident(String id) {
        return api.get("/v1/incidents/" + id).assertStatus(200).data();
    }

    /** A docs-model level paging one user after {@code waitSeconds}, as a layer body. */
    private static String level(String userId, int waitSeconds) {
        return "{\"ackTimeoutMinutes\":" + waitSeconds / 60 + ",\"target\":{\"type\":\"users\",\"userIds\":[\"" + userId
                + "\"]}}";
    }

    private String policy(String... layers) {
        String id = api.post("/v1/escalation/policies", "{\"name\":\"p-" + System.nanoTime() + "\"}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
        for (int i = 0; i < layers.length; i++) {
            String layer = layers[i].replaceFirst("\\{", "{\"position\":" + (i + 1) + ",");
            api.post("/v1/escalation/policies/" + id + "/layers", layer).assertStatus(201);
        }
        return id;
    }

    /**
     * Who got mail, in order, among the addresses this class names ({@code @example.test}): other tests' pages
     * become due at this test's times too, and are delivered alongside.
     */
    private static List<String> recipients() throws Exception {
        List<String> to = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            String address = message.getAllRecipients()[0].toString();
            if (address.endsWith("@example.test")) {
                to.add(address);
            }
        }
        return to;
    }

    /** {@code scaling_scheduler_due_jobs{task="page-delivery"}} as {@code /metrics} shows it now. */
    private double dueDeliveries() {
        return gauge("scaling_scheduler_due_jobs");
    }

    private double gauge(String name) {
        String metrics = server.anonymous().get("/metrics").assertStatus(200).body();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(name + "\\{task=\"page-delivery\"} ([0-9.]+)")
                .matcher(metrics);
        assertTrue(matcher.find(), name + " is on /metrics");
        return Double.parseDouble(matcher.group(1));
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String iso(Instant instant) {
        return instant.toString().replace("Z", ".000Z").replace(".000.000Z", ".000Z");
    }
}
