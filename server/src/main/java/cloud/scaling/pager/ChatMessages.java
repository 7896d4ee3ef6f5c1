package cloud.scaling.pager;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A {@link PageNotice} in each chat product's own format, as plain maps and lists for the JSON writer: a Slack
 * incoming webhook message (Block Kit, with a {@code text} fallback for notifications) and a Microsoft Teams
 * workflow webhook message (an Adaptive Card 1.4 in a message attachment). Links are link buttons
 * ({@code url}) and {@code Action.OpenUrl}: neither product calls back to this server, the person's browser does.
 * Texts are cut to each product's limits, since an over-long field makes the whole message refused.
 */
final class ChatMessages {

    /** Slack's limits: a header's text, a section's text, a field, a button's text. */
    private static final int SLACK_HEADER = 150;

    private static final int SLACK_SECTION = 3000;
    private static final int SLACK_FIELD = 2000;
    private static final int SLACK_BUTTON = 75;
    /** Teams refuses cards over about 28 KB: descriptions are cut well below. */
    private static final int TEAMS_TEXT = 10_000;

    private ChatMessages() {}

    static Map<String, Object> slack(PageNotice notice) {
        List<Object> blocks = new ArrayList<>();
        blocks.add(object("type", "header", "text", plain(cut(headline(notice), SLACK_HEADER))));
        String body = escape(notice.why())
                + (notice.description() == null || notice.description().isBlank()
                        ? ""
                        : "\n\n" + escape(notice.description()));
        blocks.add(object("type", "section", "text", mrkdwn(cut(body, SLACK_SECTION))));
        blocks.add(object(
                "type",
                "section",
                "fields",
                facts(notice).entrySet().stream()
                        .map(fact -> mrkdwn(cut("*" + fact.getKey() + "*\n" + escape(fact.getValue()), SLACK_FIELD)))
                        .toList()));
        List<Object> buttons = links(notice).entrySet().stream()
                .map(link -> {
                    Map<String, Object> button = object(
                            "type", "button",
                            "text", plain(cut(link.getKey(), SLACK_BUTTON)),
                            "url", link.getValue().toString());
                    if (link.getKey().equals(ACKNOWLEDGE)) {
                        button.put("style", "primary");
                    }
                    return (Object) button;
                })
                .toList();
        if (!buttons.isEmpty()) {
            blocks.add(object("type", "actions", "elements", buttons));
        }
        return object("text", headline(notice) + " (" + notice.why() + ")", "blocks", blocks);
    }

    static Map<String, Object> teams(PageNotice notice) {
        List<Object> body = new ArrayList<>();
        body.add(object(
                "type", "TextBlock",
                "text", headline(notice),
                "size", "Large",
                "weight", "Bolder",
                "color", "Attention",
                "wrap", true));
        body.add(object("type", "TextBlock", "text", notice.why(), "wrap", true));
        body.add(object(
                "type",
                "FactSet",
                "facts",
                facts(notice).entrySet().stream()
                        .map(fact -> (Object) object("title", fact.getKey(), "value", fact.getValue()))
                        .toList()));
        if (notice.description() != null && !notice.description().isBlank()) {
            body.add(object("type", "TextBlock", "text", cut(notice.description(), TEAMS_TEXT), "wrap", true));
        }
        Map<String, Object> card = object(
                "$schema", "http://adaptivecards.io/schemas/adaptive-card.json",
                "type", "AdaptiveCard",
                "version", "1.4",
                "body", body);
        List<Object> actions = links(notice).entrySet().stream()
                .map(link -> (Object) object(
                        "type",
                        "Action.OpenUrl",
                        "title",
                        link.getKey(),
                        "url",
                        link.getValue().toString()))
                .toList();
        if (!actions.isEmpty()) {
            card.put("actions", actions);
        }
        return object(
                "type",
                "message",
                "attachments",
                List.of(object("contentType", "application/vnd.microsoft.card.adaptive", "content", card)));
    }

    private static final String ACKNOWLEDGE = "Acknowledge";

    private static String headline(PageNotice notice) {
        return notice.severity() + ": " + notice.title();
    }

    /** Severity, status, components and the alert's labels, in that order; absent ones left out. */
    private static Map<String, String> facts(PageNotice notice) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Severity", notice.severity());
        facts.put("Status", notice.status());
        if (!notice.components().isEmpty()) {
            facts.put("Components", String.join(", ", notice.components()));
        }
        if (!notice.labels().isEmpty()) {
            facts.put(
                    "Labels",
                    notice.labels().entrySet().stream()
                            .map(label -> label.getKey() + "=" + label.getValue())
                            .collect(Collectors.joining(", ")));
        }
        return facts;
    }

    /** The actions first (what a responder came for), then the incident, then the alert's own links. */
    private static Map<String, URI> links(PageNotice notice) {
        Map<String, URI> links = new LinkedHashMap<>();
        if (notice.acknowledgeUrl() != null) {
            links.put(ACKNOWLEDGE, notice.acknowledgeUrl());
        }
        if (notice.resolveUrl() != null) {
            links.put("Resolve", notice.resolveUrl());
        }
        if (notice.incidentUrl() != null) {
            links.put("Open incident", notice.incidentUrl());
        }
        for (PageNotice.Link link : notice.alertLinks()) {
            links.putIfAbsent(link.text(), link.href());
        }
        return links;
    }

    private static Map<String, Object> plain(String text) {
        return object("type", "plain_text", "text", text);
    }

    private static Map<String, Object> mrkdwn(String text) {
        return object("type", "mrkdwn", "text", text);
    }

    /** Slack's mrkdwn reads {@code <...>} as links and mentions: the three characters it asks to escape. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }
}
