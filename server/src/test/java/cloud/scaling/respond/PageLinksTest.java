package cloud.scaling.respond;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.ApiResponse;
import cloud.scaling.support.DueWork;
import cloud.scaling.support.EscalationPolicyFixture;
import cloud.scaling.support.MailServer;
import cloud.scaling.support.PageEmails;
import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A page a person can act on, end to end: the page email as GreenMail receives it (multipart, threaded, its links on
 * the public address), and its links followed as a browser would: a GET shows and changes nothing, the button's
 * POST acts as the paged user, once, within 24 hours, on that incident only. Time moves by the application clock.
 */
class PageLinksTest {

    private static final String PUBLIC = "https://scaling.example.test";
    private static final GreenMail mail = MailServer.started();
    private static final TestServer server = MailServer.pagingThrough(mail, Map.of("scaling.public-url", PUBLIC + "/"));
    private static final DueWork due = new DueWork(server);

    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(1, ChronoUnit.DAYS);
    private Provisioned admin;
    private ApiClient api;
    private final ApiClient browser = server.anonymous();

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

    /** The email: multipart/alternative, everything a responder needs, links on the public address, threaded. */
    @Test
    void thePageEmailIsMultipartThreadedAndLinksToThePublicAddress() throws Exception {
        Provisioned first = server.newMember(admin.orgId(), "first-" + System.nanoTime() + "@example.test");
        Provisioned second = server.newMember(admin.orgId(), "second-" + System.nanoTime() + "@example.test");
        String policy = policy("Checkout <on-call>", first.userId(), second.userId());
        String component = api.createComponent("Payments & Checkout");
        String id = api.post(
                        "/v1/incidents",
                        "{\"title\":\"Checkout <b>down</b>\",\"severity\":\"critical\",\"description\":\"P99 > 2s\","
                                + "\"componentIds\":[\"" + component + "\"],\"escalationPolicyId\":\"" + policy + "\"}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
        due.runAt(t0);
        MimeMessage page = mailTo(first);
        assertEquals("[Scaling] critical: Checkout <b>down</b>", page.getSubject());
        assertEquals("scaling@scaling.example.test", page.getFrom()[0].toString(), "the sender derives from the host");
        assertTrue(
                page.getHeader("Received")[0].contains("(HELO scaling.example.test)"),
                "the server greets with the public host: " + page.getHeader("Received")[0]);
        String text = PageEmails.text(page);
        for (String expected : List.of(
                "Checkout <b>down</b>\n",
                "You are paged by level 1 of escalation policy \"Checkout <on-call>\".",
                "Severity: critical\n",
                "Status: investigating\n",
                "Components: Payments & Checkout\n",
                "P99 > 2s",
                "These links work for 24 hours",
                "Incident " + id)) {
            assertTrue(text.contains(expected), expected + " in\n" + text);
        }
        for (String name : List.of("Acknowledge", "Resolve", "The incident")) {
            assertTrue(PageEmails.link(page, name).startsWith(PUBLIC + "/respond/ptk_"), name + " link in\n" + text);
        }
        String html = PageEmails.html(page);
        assertTrue(html.contains("Checkout &lt;b&gt;down&lt;/b&gt;"), "the HTML escapes what people wrote\n" + html);
        assertTrue(html.contains("escalation policy &quot;Checkout &lt;on-call&gt;&quot;"), html);
        assertFalse(html.contains("<b>down"), html);
        assertFalse(html.contains("<img") || html.contains("<script") || html.contains("<link"), "no assets\n" + html);
        assertTrue(html.contains("href=\"" + PageEmails.link(page, "Acknowledge") + "\""), html);

        String pageId = incident(id).get("pages").get(0).get("id").asText();
        assertEquals("<" + pageId + "@scaling.example.test>", page.getMessageID());
        String root = "<incident-" + id + "@scaling.example.test>";
        assertEquals(root, page.getHeader("In-Reply-To", null));
        assertEquals(root, page.getHeader("References", null));

        due.runAt(t0.plusSeconds(300));
        MimeMessage escalated = mailTo(second);
        assertEquals(page.getSubject(), escalated.getSubject(), "one subject: one conversation");
        assertEquals(root, escalated.getHeader("References", null), "every page of the incident in one thread");
        assertTrue(PageEmails.text(escalated).contains("level 2 of escalation policy"));
        assertFalse(
                PageEmails.link(escalated, "Acknowledge").equals(PageEmails.link(page, "Acknowledge")),
                "each page carries its own user's tokens");
    }

    /**
     * The Acknowledge link: a GET (a mail scanner, a link preview, the person reading) asks and changes nothing; the
     * POST of its button acknowledges as the paged user, audited with the channel, and escalation stops: no level-2
     * page ever follows. A second POST is refused.
     */
    @Test
    void theAcknowledgeLinkAsksOnGetAndAcknowledgesOnPostAsThePagedUser() throws Exception {
        Provisioned first = server.newMember(admin.orgId(), "ack-" + System.nanoTime() + "@example.test");
        Provisioned second = server.newMember(admin.orgId(), "never-" + System.nanoTime() + "@example.test");
        String id = incidentWith(policy("Two levels", first.userId(), second.userId()));
        due.runAt(t0);
        String link = PageEmails.link(mailTo(first), "Acknowledge");

        ApiResponse shown = browser.get(path(link));
        assertEquals(200, shown.status());
        assertHtmlWithPolicy(shown);
        assertTrue(shown.body().contains("Acknowledge this incident? Nothing changes until you press the button."));
        assertTrue(shown.body().contains("action=\"" + path(link) + "/acknowledge\""), shown.body());
        assertFalse(shown.body().contains("/resolve\""), "an Acknowledge link offers only its own button");
        browser.get(path(link)).assertStatus(200);
        assertTrue(!acknowledged(id), "GETs changed nothing");

        server.clock().pin(t0.plusSeconds(60));
        ApiResponse acknowledged = press(link, "acknowledge");
        assertEquals(200, acknowledged.status(), acknowledged.body());
        assertTrue(acknowledged.body().contains("Acknowledged. Escalation has stopped"), acknowledged.body());
        JsonNode incident = incident(id);
        assertEquals(first.userId(), incident.get("acknowledgedBy").asText(), "done as the paged user");
        assertEquals("acknowledged", incident.get("escalation").get("state").asText());
        JsonNode audit = auditOf(id, "incident_acknowledged");
        assertEquals(first.userId(), audit.get("actorId").asText());
        assertEquals("page_email", audit.get("details").get("channel").asText());

        due.runAt(t0.plusSeconds(3600));
        assertEquals(1, incident(id).get("pages").size(), "no level-2 page follows");
        assertTrue(mailsTo(second).isEmpty());

        ApiResponse again = press(link, "acknowledge");
        assertEquals(200, again.status(), "a page for a person, saying what happened");
        assertTrue(again.body().contains("This link already did Acknowledge at"), again.body());
        assertTrue(browser.get(path(link)).body().contains("This link already did Acknowledge"));
    }

    /** The Resolve link resolves (through each status), as the paged user; escalation stops. */
    @Test
    void theResolveLinkResolvesAsThePagedUser() throws Exception {
        Provisioned first = server.newMember(admin.orgId(), "resolve-" + System.nanoTime() + "@example.test");
        String id = incidentWith(policy("One level", first.userId()));
        due.runAt(t0);
        MimeMessage page = mailTo(first);
        String resolve = PageEmails.link(page, "Resolve");
        assertTrue(
                press(resolve, "acknowledge").body().contains("This link cannot acknowledge the incident"),
                "a Resolve link cannot acknowledge");
        assertTrue(!acknowledged(id));

        ApiResponse resolved = press(resolve, "resolve");
        assertEquals(200, resolved.status(), resolved.body());
        JsonNode incident = incident(id);
        assertEquals("resolved", incident.get("status").asText());
        assertEquals("stopped", incident.get("escalation").get("state").asText());
        JsonNode audit = auditOf(id, "status_changed");
        assertEquals(first.userId(), audit.get("actorId").asText());
        assertEquals("page_email", audit.get("details").get("channel").asText());

        // The responder page's link still shows the incident, now without buttons.
        ApiResponse responder = browser.get(path(PageEmails.link(page, "The incident")));
        assertEquals(200, responder.status());
        assertTrue(responder.body().contains(">resolved<"), responder.body());
        assertFalse(responder.body().contains("<form"), responder.body());
        ApiResponse late = press(PageEmails.link(page, "Acknowledge"), "acknowledge");
        assertEquals(200, late.status());
        assertTrue(late.body().contains("Nothing to do: the incident is already resolved."), late.body());
        assertTrue(!acknowledged(id));
    }

    /** The responder page's link offers both buttons and does each once. */
    @Test
    void theResponderPageOffersBothActions() throws Exception {
        Provisioned first = server.newMember(admin.orgId(), "respond-" + System.nanoTime() + "@example.test");
        String id = incidentWith(policy("Responder", first.userId()));
        due.runAt(t0);
        String link = PageEmails.link(mailTo(first), "The incident");
        ApiResponse shown = browser.get(path(link));
        assertHtmlWithPolicy(shown);
        assertTrue(shown.body().contains("action=\"" + path(link) + "/acknowledge\""), shown.body());
        assertTrue(shown.body().contains("action=\"" + path(link) + "/resolve\""), shown.body());
        assertTrue(shown.body().contains("Paged "), "the timeline shows the page\n" + shown.body());

        assertEquals(200, press(link, "acknowledge").status());
        ApiResponse after = browser.get(path(link));
        assertFalse(after.body().contains("/acknowledge\""), "acknowledged: no Acknowledge button\n" + after.body());
        assertTrue(after.body().contains("/resolve\""));
        assertEquals(200, press(link, "resolve").status());
        assertEquals("resolved", incident(id).get("status").asText());
    }

    /**
     * The escalation and the timeline in the page's words: state, level, policy and next level; each page with its
     * channel, level and status; the acknowledgement with who and when.
     */
    @Test
    void theResponderPageWordsTheEscalationAndTheTimeline() throws Exception {
        String email = "words-" + System.nanoTime() + "@example.test";
        Provisioned first = server.newMember(admin.orgId(), email);
        incidentWith(policy("Words", first.userId(), admin.userId()));
        due.runAt(t0);
        String link = PageEmails.link(mailTo(first), "The incident");

        String shown = browser.get(path(link)).body();
        assertTrue(
                shown.contains("<tr><th>Escalation</th><td>paging, level 1 of &quot;Words&quot;; next level at "
                        + utc(t0.plusSeconds(300)) + "</td></tr>"),
                shown);
        assertTrue(
                shown.contains("<li><span class=\"muted\">" + utc(t0) + "</span> Paged " + email
                        + " by email (level 1): delivered</li>"),
                shown);

        server.clock().pin(t0.plusSeconds(60));
        assertEquals(200, press(link, "acknowledge").status());
        String after = browser.get(path(link)).body();
        assertTrue(
                after.contains("<tr><th>Escalation</th><td>acknowledged, level 1 of &quot;Words&quot;</td></tr>"),
                after);
        assertTrue(
                after.contains("<tr><th>Acknowledged</th><td>" + email + ", " + utc(t0.plusSeconds(60)) + "</td></tr>"),
                after);
        assertTrue(
                after.contains("<li><span class=\"muted\">" + utc(t0.plusSeconds(60)) + "</span> Acknowledged by "
                        + email + "</li>"),
                after);
    }

    /** A time as the responder page prints it. */
    private static String utc(Instant at) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").format(at.atOffset(ZoneOffset.UTC));
    }

    /** An expired link (24 h) changes nothing, says so and shows the incident as it is. */
    @Test
    void anExpiredLinkChangesNothing() throws Exception {
        Provisioned first = server.newMember(admin.orgId(), "expired-" + System.nanoTime() + "@example.test");
        String id = incidentWith(policy("Expiry", first.userId()));
        due.runAt(t0);
        String link = PageEmails.link(mailTo(first), "Acknowledge");

        server.clock().pin(t0.plus(24, ChronoUnit.HOURS).minusMillis(1));
        ApiResponse inTime = browser.get(path(link));
        assertTrue(inTime.body().contains("<form"), "still valid a moment before 24 h");
        server.clock().pin(t0.plus(24, ChronoUnit.HOURS));
        ApiResponse shown = browser.get(path(link));
        assertEquals(200, shown.status());
        assertTrue(shown.body().contains("This link expired at"), shown.body());
        assertFalse(shown.body().contains("<form"), shown.body());
        ApiResponse pressed = press(link, "acknowledge");
        assertEquals(200, pressed.status());
        assertTrue(pressed.body().contains("This link expired at"), pressed.body());
        assertTrue(pressed.body().contains(">investigating<"), "with the incident's current state");
        assertTrue(!acknowledged(id));
    }

    /**
     * A link reaches its own incident only: tokens made of another link's parts, or of another organization's
     * incident's, are unknown (nothing shown); acting on one incident's link leaves every other as it was.
     */
    @Test
    void aLinkReachesItsOwnIncidentOnly() throws Exception {
        Provisioned mine = server.newMember(admin.orgId(), "mine-" + System.nanoTime() + "@example.test");
        String myIncident = incidentWith(policy("Mine", mine.userId()));
        Provisioned otherAdmin = server.newOrganization();
        ApiClient other = server.api(otherAdmin.apiKey());
        Provisioned theirs = server.newMember(otherAdmin.orgId(), "theirs-" + System.nanoTime() + "@example.test");
        String theirPolicy = EscalationPolicyFixture.named("Theirs")
                .pagingUsers(300, theirs.userId())
                .create(other);
        String theirIncident = other.post(
                        "/v1/incidents",
                        "{\"title\":\"Theirs\",\"severity\":\"low\",\"escalationPolicyId\":\"" + theirPolicy + "\"}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
        due.runAt(t0);
        String myLink = path(PageEmails.link(mailTo(mine), "Acknowledge"));
        String theirLink = path(PageEmails.link(mailTo(theirs), "Acknowledge"));
        String myToken = myLink.substring("/respond/".length());
        String theirToken = theirLink.substring("/respond/".length());

        String[] mineParts = myToken.split("\\.");
        String[] theirParts = theirToken.split("\\.");
        for (String forged : List.of(
                mineParts[0] + "." + theirParts[1],
                theirParts[0] + "." + mineParts[1],
                mineParts[0] + "." + mineParts[1].substring(1) + "x",
                mineParts[0],
                "not-a-token")) {
            for (ApiResponse shown : List.of(
                    browser.get("/respond/" + forged),
                    press("/respond/" + forged, "acknowledge"),
                    press("/respond/" + forged, "resolve"))) {
                assertEquals(200, shown.status(), forged);
                assertTrue(shown.body().contains("This link is not valid"), shown.body());
                assertFalse(shown.body().contains("Theirs") || shown.body().contains(myIncident), shown.body());
            }
        }
        assertEquals(200, press(myLink, "acknowledge").status());
        assertEquals(mine.userId(), incident(myIncident).get("acknowledgedBy").asText());
        JsonNode their =
                other.get("/v1/incidents/" + theirIncident).assertStatus(200).data();
        assertFalse(their.has("acknowledgedAt"), "the other organization's incident is untouched");
        assertEquals("paging", their.get("escalation").get("state").asText());
    }

    /**
     * What a monitoring source sent reaches the email and the responder page as text, never as markup or a script
     * link: labels and links are escaped, and only http(s) links become links.
     */
    @Test
    void anAlertsLabelsAndLinksAreEscapedAndOnlyWebLinksAreLinks() throws Exception {
        Provisioned responder = server.newMember(admin.orgId(), "alert-" + System.nanoTime() + "@example.test");
        String policy = policy("Alerts", responder.userId());
        String component = api.post("/v1/components", "{\"name\":\"Queues\",\"escalationPolicyId\":\"" + policy + "\"}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
        String token = api.post(
                        "/v1/integrations/inbound",
                        "{\"name\":\"Monitor\",\"type\":\"generic\",\"componentId\":\"" + component + "\"}")
                .assertStatus(201)
                .data()
                .get("token")
                .asText();
        api.sendRaw(java.net.http.HttpRequest.newBuilder(api.base().resolve("/v1/alerts/generic"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "{\"title\":\"Queue\",\"severity\":\"critical\",\"dedupKey\":\"q\","
                                        + "\"links\":{\"runbookUrl\":\"javascript:alert(1)\","
                                        + "\"sourceUrl\":\"https://grafana.example.com/d?a=1&b=2\","
                                        + "\"dashboardUrl\":\"https://grafana.example.com/\\\"><x>\"},"
                                        + "\"attributes\":{\"queue\":\"<script>alert(1)</script>\"}}")))
                .assertStatus(202);
        due.runAt(t0);
        MimeMessage page = mailTo(responder);
        String text = PageEmails.text(page);
        assertTrue(text.contains("Alert labels:\n  queue=<script>alert(1)</script>\n"), text);
        assertTrue(
                text.contains("Alert links:\n  Source: https://grafana.example.com/d?a=1&b=2\n\n"),
                "a javascript: link and one that is no URI are no alert links\n" + text);
        String responderPage =
                browser.get(path(PageEmails.link(page, "The incident"))).body();
        for (String html : List.of(PageEmails.html(page), responderPage)) {
            assertFalse(html.contains("<script") || html.contains("<x>"), html);
            assertFalse(html.contains("href=\"javascript:"), html);
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
            assertTrue(html.contains("href=\"https://grafana.example.com/d?a=1&amp;b=2\""), html);
        }
    }

    /** A person removed from the organization meanwhile can neither see nor act through their old links. */
    @Test
    void aRemovedMembersLinksNoLongerWork() throws Exception {
        Provisioned gone = server.newMember(admin.orgId(), "gone-" + System.nanoTime() + "@example.test");
        String id = incidentWith(policy("Removed", gone.userId()));
        due.runAt(t0);
        MimeMessage page = mailTo(gone);
        api.send("DELETE", "/v1/team/members/" + gone.userId(), null, null).assertStatus(204);
        for (String name : List.of("Acknowledge", "Resolve", "The incident")) {
            String link = PageEmails.link(page, name);
            for (ApiResponse answer :
                    List.of(browser.get(path(link)), press(link, "acknowledge"), press(link, "resolve"))) {
                assertTrue(answer.body().contains("This link is not valid"), name + ": " + answer.body());
                assertFalse(answer.body().contains("Disk full"), "nothing of the incident shows");
            }
        }
        JsonNode incident = incident(id);
        assertFalse(acknowledged(id));
        assertEquals("investigating", incident.get("status").asText());
    }

    private static void assertHtmlWithPolicy(ApiResponse shown) {
        assertTrue(shown.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals(
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none';"
                        + " base-uri 'none'",
                shown.headers().firstValue("Content-Security-Policy").orElse(""));
        assertEquals(
                "same-origin", shown.headers().firstValue("Referrer-Policy").orElse(""));
        assertEquals("no-store", shown.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(shown.body().contains("name=\"viewport\""));
        assertFalse(shown.body().contains("<script")
                || shown.body().contains("<img")
                || shown.body().contains("<link"));
    }

    /** The button: an HTML form's POST, empty, as a browser sends it. */
    private ApiResponse press(String link, String action) {
        return browser.send("POST", path(link) + "/" + action, "", "application/x-www-form-urlencoded");
    }

    /** The path of a link on the public address: the test server stands behind it, as behind a proxy. */
    private static String path(String link) {
        return link.startsWith(PUBLIC) ? URI.create(link).getRawPath() : link;
    }

    private JsonNode auditOf(String incidentId, String type) {
        for (JsonNode event : incident(incidentId).get("auditTrail")) {
            if (event.get("type").asText().equals(type)) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " event");
    }

    private boolean acknowledged(String id) {
        JsonNode at = incident(id).get("acknowledgedAt");
        return at != null && !at.isNull();
    }

    private JsonNode incident(String id) {
        return api.get("/v1/incidents/" + id).assertStatus(200).data();
    }

    private String incidentWith(String policy) {
        return api.post(
                        "/v1/incidents",
                        "{\"title\":\"Disk full\",\"severity\":\"high\",\"escalationPolicyId\":\"" + policy + "\"}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
    }

    /** A policy paging each user in turn, five minutes apart. */
    private String policy(String name, String... userIds) {
        EscalationPolicyFixture policy = EscalationPolicyFixture.named(name);
        for (String userId : userIds) {
            policy.pagingUsers(300, userId);
        }
        return policy.create(api);
    }

    private static MimeMessage mailTo(Provisioned user) throws Exception {
        List<MimeMessage> received = mailsTo(user);
        assertEquals(1, received.size(), "one page email to " + user.userId());
        return received.get(0);
    }

    private static List<MimeMessage> mailsTo(Provisioned user) throws Exception {
        String address = server.query("SELECT email FROM users WHERE id = ?", user.userId())
                .get(0)
                .get(0)
                .toString();
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage message : Arrays.asList(mail.getReceivedMessages())) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                to.add(message);
            }
        }
        return to;
    }
}
