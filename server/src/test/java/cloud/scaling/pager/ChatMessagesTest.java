package cloud.scaling.pager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A page with everything the composer can fill (action links, components, labels, alert links) in Slack's and
 * Teams' formats: buttons in order (acknowledge first), facts in order, Slack's texts escaped and cut to its limits.
 */
class ChatMessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://scaling.example.test";

    private final PageNotice full = new PageNotice(
            UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f"),
            "Checkout down",
            "critical",
            "investigating",
            "Error rate > 5%",
            List.of("Checkout", "Payments"),
            "You are paged by level 1 of Payments on-call.",
            labels(),
            List.of(new PageNotice.Link("Runbook", URI.create("https://runbooks.example.test/checkout"))),
            URI.create(BASE + "/incidents/6f1c"),
            URI.create(BASE + "/p/ack-token"),
            URI.create(BASE + "/p/resolve-token"));

    @Test
    void slackGetsBlocksWithLinkButtonsAcknowledgeFirst() throws Exception {
        assertEquals(JSON.readTree("""
                {"text": "critical: Checkout down (You are paged by level 1 of Payments on-call.)",
                 "blocks": [
                   {"type": "header", "text": {"type": "plain_text", "text": "critical: Checkout down"}},
                   {"type": "section", "text": {"type": "mrkdwn",
                     "text": "You are paged by level 1 of Payments on-call.\\n\\nError rate &gt; 5%"}},
                   {"type": "section", "fields": [
                     {"type": "mrkdwn", "text": "*Severity*\\ncritical"},
                     {"type": "mrkdwn", "text": "*Status*\\ninvestigating"},
                     {"type": "mrkdwn", "text": "*Components*\\nCheckout, Payments"},
                     {"type": "mrkdwn", "text": "*Labels*\\nalertname=HighErrorRate, service=checkout"}]},
                   {"type": "actions", "elements": [
                     {"type": "button", "text": {"type": "plain_text", "text": "Acknowledge"},
                      "url": "https://scaling.example.test/p/ack-token", "style": "primary"},
                     {"type": "button", "text": {"type": "plain_text", "text": "Resolve"},
                      "url": "https://scaling.example.test/p/resolve-token"},
                     {"type": "button", "text": {"type": "plain_text", "text": "Open incident"},
                      "url": "https://scaling.example.test/incidents/6f1c"},
                     {"type": "button", "text": {"type": "plain_text", "text": "Runbook"},
                      "url": "https://runbooks.example.test/checkout"}]}]}
                """), JSON.valueToTree(ChatMessages.slack(full)));
    }

    @Test
    void teamsGetsAnAdaptiveCardWithOpenUrlActions() throws Exception {
        assertEquals(JSON.readTree("""
                {"type": "message",
                 "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive",
                   "content": {
                     "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                     "type": "AdaptiveCard", "version": "1.4",
                     "body": [
                       {"type": "TextBlock", "text": "critical: Checkout down", "size": "Large",
                        "weight": "Bolder", "color": "Attention", "wrap": true},
                       {"type": "TextBlock", "text": "You are paged by level 1 of Payments on-call.", "wrap": true},
                       {"type": "FactSet", "facts": [
                         {"title": "Severity", "value": "critical"},
                         {"title": "Status", "value": "investigating"},
                         {"title": "Components", "value": "Checkout, Payments"},
                         {"title": "Labels", "value": "alertname=HighErrorRate, service=checkout"}]},
                       {"type": "TextBlock", "text": "Error rate > 5%", "wrap": true}],
                     "actions": [
                       {"type": "Action.OpenUrl", "title": "Acknowledge", "url": "https://scaling.example.test/p/ack-token"},
                       {"type": "Action.OpenUrl", "title": "Resolve", "url": "https://scaling.example.test/p/resolve-token"},
                       {"type": "Action.OpenUrl", "title": "Open incident", "url": "https://scaling.example.test/incidents/6f1c"},
                       {"type": "Action.OpenUrl", "title": "Runbook", "url": "https://runbooks.example.test/checkout"}]}}]}
                """), JSON.valueToTree(ChatMessages.teams(full)));
    }

    /** Slack refuses the whole message when one text is over its limit: a header over 150 characters is cut. */
    @Test
    void slackTextsAreCutToSlacksLimits() {
        String title = "x".repeat(400);
        PageNotice longOne = new PageNotice(
                full.incidentId(),
                title,
                "low",
                "investigating",
                "d".repeat(5000),
                List.of(),
                "why",
                Map.of(),
                List.of(),
                null,
                null,
                null);
        JsonNode blocks = JSON.valueToTree(ChatMessages.slack(longOne)).get("blocks");
        assertEquals(150, blocks.get(0).get("text").get("text").asText().length());
        assertEquals(3000, blocks.get(1).get("text").get("text").asText().length());
        assertEquals(3, blocks.size(), "no actions block without links");
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", "HighErrorRate");
        labels.put("service", "checkout");
        return labels;
    }
}
