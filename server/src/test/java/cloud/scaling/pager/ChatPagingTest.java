package cloud.scaling.pager;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.scaling.orgs.Provisioned;
import cloud.scaling.support.ApiClient;
import cloud.scaling.support.CapturedLogs;
import cloud.scaling.support.DueWork;
import cloud.scaling.support.EscalationPolicyFixture;
import cloud.scaling.support.MailServer;
import cloud.scaling.support.Scrape;
import cloud.scaling.support.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pages on chat contact methods end to end: a real server pages a user on email, Slack and Teams at once; WireMock
 * stands in for Slack's and Teams' webhooks and checks each message exactly as the product's format wants it.
 */
class ChatPagingTest {

    private static final String PUBLIC_URL = "https://scaling.example.test";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GreenMail mail = MailServer.started();
    private static final WireMockServer chat = started();
    private static final TestServer server = TestServer.dedicated(Map.of(
            "scaling.scheduler.enabled",
            false,
            "scaling.smtp.host",
            "127.0.0.1",
            "scaling.smtp.port",
            mail.getSmtp().getPort(),
            "scaling.public-url",
            PUBLIC_URL));
    private static final DueWork due = new DueWork(server);

    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(1, ChronoUnit.DAYS);
    private Provisioned admin;
    private Provisioned responder;
    private ApiClient api;

    @AfterAll
    static void stop() {
        server.close();
        chat.stop();
        mail.stop();
    }

    @BeforeEach
    void organization() {
        chat.resetAll();
        server.clock().pin(t0);
        admin = server.newOrganization();
        responder = server.newMember(admin.orgId(), "responder-" + System.nanoTime() + "@example.test");
        api = server.api(admin.apiKey());
    }

    @Test
    void slackAndTeamsReceiveThePageInTheirOwnFormatsBesideTheEmail() throws Exception {
        chat.stubFor(post("/slack/T01/B02/slackSecret1")
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        chat.stubFor(
                post("/teams/workflows/teamsSecret2").willReturn(aResponse().withStatus(202)));
        contactMethod("slack", "/slack/T01/B02/slackSecret1");
        contactMethod("teams", "/teams/workflows/teamsSecret2");
        String id = incident("Checkout down", "Payments <fail> & retry");

        due.runAt(t0);

        // Each page carries its own one-click links (tokens minted for it): read them from what arrived.
        Map<String, String> slackLinks =
                links(received("/slack/T01/B02/slackSecret1").at("/blocks/3/elements"));
        Map<String, String> teamsLinks =
                links(received("/teams/workflows/teamsSecret2").at("/attachments/0/content/actions"));
        assertEquals(List.of("Acknowledge", "Resolve", "Open incident"), List.copyOf(slackLinks.keySet()));
        assertEquals(List.copyOf(slackLinks.keySet()), List.copyOf(teamsLinks.keySet()));
        Set<String> distinct = new HashSet<>(slackLinks.values());
        distinct.addAll(teamsLinks.values());
        assertEquals(6, distinct.size(), "a token per link and page: " + distinct);
        distinct.forEach(link -> assertTrue(link.startsWith(PUBLIC_URL + "/respond/ptk_"), link));
        // As it stands in the JSON (its quotes escaped).
        String why = "You are paged by level 1 of escalation policy \\\"" + policyName + "\\\".";
        chat.verify(postRequestedFor(urlEqualTo("/slack/T01/B02/slackSecret1"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"text": "critical: Checkout down (%1$s)",
                         "blocks": [
                           {"type": "header", "text": {"type": "plain_text", "text": "critical: Checkout down"}},
                           {"type": "section", "text": {"type": "mrkdwn",
                             "text": "%1$s\\n\\nPayments &lt;fail&gt; &amp; retry"}},
                           {"type": "section", "fields": [
                             {"type": "mrkdwn", "text": "*Severity*\\ncritical"},
                             {"type": "mrkdwn", "text": "*Status*\\ninvestigating"}]},
                           {"type": "actions", "elements": [
                             {"type": "button", "text": {"type": "plain_text", "text": "Acknowledge"},
                              "url": "%2$s", "style": "primary"},
                             {"type": "button", "text": {"type": "plain_text", "text": "Resolve"}, "url": "%3$s"},
                             {"type": "button", "text": {"type": "plain_text", "text": "Open incident"},
                              "url": "%4$s"}]}]}
                        """.formatted(
                                why,
                                slackLinks.get("Acknowledge"),
                                slackLinks.get("Resolve"),
                                slackLinks.get("Open incident")))));
        chat.verify(postRequestedFor(urlEqualTo("/teams/workflows/teamsSecret2"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"type": "message",
                         "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive",
                           "content": {
                             "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                             "type": "AdaptiveCard", "version": "1.4",
                             "body": [
                               {"type": "TextBlock", "text": "critical: Checkout down", "size": "Large",
                                "weight": "Bolder", "color": "Attention", "wrap": true},
                               {"type": "TextBlock", "text": "%1$s", "wrap": true},
                               {"type": "FactSet", "facts": [
                                 {"title": "Severity", "value": "critical"},
                                 {"title": "Status", "value": "investigating"}]},
                               {"type": "TextBlock", "text": "Payments <fail> & retry", "wrap": true}],
                             "actions": [
                               {"type": "Action.OpenUrl", "title": "Acknowledge", "url": "%2$s"},
                               {"type": "Action.OpenUrl", "title": "Resolve", "url": "%3$s"},
                               {"type": "Action.OpenUrl", "title": "Open incident", "url": "%4$s"}]}}]}
                        """.formatted(
                                why,
                                teamsLinks.get("Acknowledge"),
                                teamsLinks.get("Resolve"),
                                teamsLinks.get("Open incident")))));

        // The Slack message's Acknowledge link acts as the paged user, audited with the channel it came in.
        String acknowledge = URI.create(slackLinks.get("Acknowledge")).getRawPath() + "/acknowledge";
        server.anonymous()
                .send("POST", acknowledge, "", "application/x-www-form-urlencoded")
                .assertStatus(200);
        JsonNode incident = api.get("/v1/incidents/" + id).data();
        assertEquals(responder.userId(), incident.get("acknowledgedBy").asText());
        JsonNode acknowledged = null;
        for (JsonNode event : incident.get("auditTrail")) {
            if (event.get("type").asText().equals("incident_acknowledged")) {
                acknowledged = event;
            }
        }
        assertEquals("page_slack", acknowledged.at("/details/channel").asText(), incident.toString());
        assertEquals(1, mail.getReceivedMessages().length - mailBefore, "the email is sent too");
        assertEquals(
                List.of("email delivered 1", "slack delivered 1", "teams delivered 1"),
                summary(api.get("/v1/incidents/" + id).data().get("pages")));
    }

    /** A receiver answering 500 is tried again with the email's backoff, and every attempt is recorded. */
    @Test
    void aFailingReceiverIsRetriedAndEveryAttemptRecorded() {
        chat.stubFor(post("/slack/T01/B02/flakySecret3")
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("recovered"));
        chat.stubFor(post("/slack/T01/B02/flakySecret3")
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        contactMethod("slack", "/slack/T01/B02/flakySecret3");
        String id = incident("Checkout down", null);

        Scrape before = Scrape.of(server);
        List<String> logged;
        try (CapturedLogs logs = CapturedLogs.of(PageDelivery.class)) {
            due.runAt(t0);
            logged = logs.lines();
        }
        JsonNode slack = page(id, "slack");
        assertEquals("pending", slack.get("status").asText());
        String error = slack.get("attempts").get(0).get("error").asText();
        assertEquals("IOException: HTTP 500 from http://localhost:" + chat.port() + "/…ret3", error);
        assertEquals(1, logged.size(), logged.toString());
        assertTrue(
                logged.get(0)
                        .matches("WARN .*PageDelivery - Page pge_\\S+ of incident \\S+ to user_\\S+ by slack "
                                + "failed \\(attempt 1 of 5\\): IOException: HTTP 500 from http://localhost:\\d+/…ret3; "
                                + "next attempt at " + t0.plusSeconds(30)),
                "one line without the URL's secret path: " + logged);
        assertFalse(logged.get(0).contains("flakySecret"), logged.get(0));
        Scrape failed = Scrape.of(server);
        assertEquals(1, failed.increaseSince(before, "scaling_page_delivery_failures_total", "channel", "slack"));

        due.runAt(t0.plusSeconds(29));
        assertEquals(1, page(id, "slack").get("attempts").size(), "not before the first backoff");
        due.runAt(t0.plusSeconds(30));
        slack = page(id, "slack");
        assertEquals("delivered", slack.get("status").asText());
        assertEquals(
                List.of("failed", "delivered"),
                List.of(
                        slack.get("attempts").get(0).get("result").asText(),
                        slack.get("attempts").get(1).get("result").asText()));
        chat.verify(2, postRequestedFor(urlEqualTo("/slack/T01/B02/flakySecret3")));
        assertEquals(
                1,
                Scrape.of(server)
                        .increaseSince(before, "scaling_pages_total", "channel", "slack", "outcome", "delivered"));
    }

    /** A contact method deleted before its page went out: the page fails at once, saying so, and is not retried. */
    @Test
    void aPageToADeletedContactMethodFailsAtOnce() {
        String contactMethod = contactMethod("teams", "/teams/workflows/goneSecret4");
        String id = incident("Checkout down", null);
        api.send("DELETE", "/v1/users/" + responder.userId() + "/contact-methods/" + contactMethod, null, null)
                .assertStatus(204);

        due.runAt(t0);
        due.runAt(t0.plus(1, ChronoUnit.HOURS));
        JsonNode teams = page(id, "teams");
        assertEquals("failed", teams.get("status").asText());
        assertEquals(1, teams.get("attempts").size());
        assertEquals(
                "The contact method " + contactMethod + " was deleted.",
                teams.get("attempts").get(0).get("error").asText());
        assertEquals(0, chat.getAllServeEvents().size());
    }

    private int mailBefore;
    private String policyName;

    private String contactMethod(String type, String path) {
        return api.post(
                        "/v1/users/" + responder.userId() + "/contact-methods",
                        "{\"type\":\"" + type + "\",\"url\":\"" + chat.baseUrl() + path + "\"}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
    }

    /** A critical incident paging the responder at level 1 of a new policy. */
    private String incident(String title, String description) {
        mailBefore = mail.getReceivedMessages().length;
        policyName = "p-" + System.nanoTime();
        String policy = EscalationPolicyFixture.named(policyName)
                .pagingUsers(300, responder.userId())
                .create(api);
        return api.post(
                        "/v1/incidents",
                        "{\"title\":\"" + title + "\",\"severity\":\"critical\","
                                + (description == null ? "" : "\"description\":\"" + description + "\",")
                                + "\"escalationPolicyId\":\"" + policy + "\"}")
                .assertStatus(201)
                .data()
                .get("id")
                .asText();
    }

    private static JsonNode received(String path) throws Exception {
        List<LoggedRequest> requests = chat.findAll(postRequestedFor(urlEqualTo(path)));
        assertEquals(1, requests.size(), path);
        return JSON.readTree(requests.get(0).getBodyAsString());
    }

    /** Buttons (Slack) or actions (Teams) by their text, in their order: each names its text and its url. */
    private static Map<String, String> links(JsonNode buttons) {
        Map<String, String> links = new LinkedHashMap<>();
        buttons.forEach(button -> links.put(
                button.has("title")
                        ? button.get("title").asText()
                        : button.at("/text/text").asText(),
                button.get("url").asText()));
        return links;
    }

    private JsonNode page(String incidentId, String channel) {
        for (JsonNode page : api.get("/v1/incidents/" + incidentId).data().get("pages")) {
            if (page.get("channel").asText().equals(channel)) {
                return page;
            }
        }
        throw new AssertionError("No " + channel + " page");
    }

    private static List<String> summary(JsonNode pages) {
        List<String> lines = new ArrayList<>();
        pages.forEach(page -> lines.add(page.get("channel").asText() + " "
                + page.get("status").asText() + " " + page.get("attempts").size()));
        lines.sort(null);
        return lines;
    }

    private static WireMockServer started() {
        WireMockServer wireMock = new WireMockServer(options().dynamicPort());
        wireMock.start();
        return wireMock;
    }
}
