package cloud.scaling.respond;

import static cloud.scaling.web.Html.escape;

import cloud.scaling.incidents.EscalationPort;
import cloud.scaling.incidents.timeline.Timeline;
import cloud.scaling.pager.PageNotice;
import cloud.scaling.pager.PageNotices;
import cloud.scaling.pager.TokenPurpose.Action;
import cloud.scaling.shared.WireEnum;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The responder page as HTML: one self-contained document (inline styles only, no script, no image, nothing
 * fetched), readable on a phone. Every text that came from a person or a monitoring source is escaped.
 */
final class ResponderPage {

    /** Loads nothing, runs nothing; the forms post only back here; no framing, no base rewriting. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    private static final String STYLE = "body{font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;"
            + "color:#1f2328;max-width:720px;margin:0 auto;padding:16px;line-height:1.4}"
            + "h1{font-size:1.35em;margin:.2em 0 .4em}h2{font-size:1.05em;margin:1.2em 0 .4em}"
            + "table{border-collapse:collapse}th{text-align:left;padding:3px 12px 3px 0;vertical-align:top}"
            + "td{padding:3px 0;word-break:break-word}.badge{display:inline-block;padding:1px 8px;border-radius:10px;"
            + "background:#eaeef2;font-size:.9em;margin-right:4px}.sev-critical,.sev-high{background:#ffebe9}"
            + ".note{padding:10px 12px;border-radius:6px;margin:12px 0}.ok{background:#dafbe1}.problem{background:#fff8c5}"
            + "form{display:inline}button{font-size:1.05em;padding:12px 22px;margin:8px 8px 8px 0;border:0;"
            + "border-radius:6px;color:#fff;font-weight:600;cursor:pointer}.acknowledge{background:#1f6feb}"
            + ".resolve{background:#1a7f37}.muted{color:#656d76;font-size:.9em}ul.timeline{padding-left:1.1em}"
            + "pre{white-space:pre-wrap;font-family:inherit;margin:0}";

    private ResponderPage() {}

    static String render(Responder.Shown shown, String token) {
        PageNotice notice = shown.notice();
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"robots\" content=\"noindex\"><title>")
                .append(escape(notice.title()))
                .append(" · Scaling</title><style>")
                .append(STYLE)
                .append("</style></head><body>");
        html.append("<p class=\"muted\">Scaling · for ")
                .append(escape(shown.paged()))
                .append("</p>");
        html.append("<h1>")
                .append(escape(notice.title()))
                .append("</h1><p>")
                .append("<span class=\"badge sev-")
                .append(escape(notice.severity()))
                .append("\">")
                .append(escape(notice.severity()))
                .append("</span><span class=\"badge\" id=\"status\">")
                .append(escape(notice.status()))
                .append("</span>")
                .append(
                        shown.incident().acknowledgedAt() != null
                                ? "<span class=\"badge\" id=\"acknowledged\">acknowledged</span>"
                                : "")
                .append("</p>");
        if (shown.outcome() != null) {
            html.append("<p class=\"note ok\" id=\"outcome\">")
                    .append(escape(shown.outcome()))
                    .append("</p>");
        }
        if (shown.problem() != null) {
            html.append("<p class=\"note problem\" id=\"problem\">")
                    .append(escape(shown.problem()))
                    .append("</p>");
        }
        buttons(html, shown, token);
        html.append("<table>");
        row(html, "Why you", notice.why());
        row(html, "Owner", shown.owner() == null ? "nobody" : shown.owner());
        if (shown.acknowledgedBy() != null) {
            row(
                    html,
                    "Acknowledged",
                    shown.acknowledgedBy() + ", " + time(shown.incident().acknowledgedAt()));
        }
        row(html, "Escalation", escalation(shown));
        if (!notice.components().isEmpty()) {
            row(html, "Components", String.join(", ", notice.components()));
        }
        row(html, "Opened", time(shown.incident().createdAt()));
        html.append("</table>");
        if (notice.description() != null) {
            html.append("<h2>Description</h2><pre>")
                    .append(escape(notice.description()))
                    .append("</pre>");
        }
        if (!notice.alertLinks().isEmpty()) {
            html.append("<h2>Alert links</h2><ul>");
            // rel=noreferrer as well as the Referrer-Policy: this page's address holds the token.
            notice.alertLinks()
                    .forEach(link -> html.append("<li><a rel=\"noreferrer noopener\" href=\"")
                            .append(escape(link.href().toString()))
                            .append("\">")
                            .append(escape(link.text()))
                            .append("</a></li>"));
            html.append("</ul>");
        }
        if (!notice.labels().isEmpty()) {
            html.append("<h2>Alert labels</h2><table>");
            notice.labels().forEach((name, value) -> row(html, name, value));
            html.append("</table>");
        }
        timeline(html, shown);
        html.append("<p class=\"muted\">Incident ")
                .append(notice.incidentId())
                .append(". This link works until ")
                .append(escape(time(shown.token().expiresAt())))
                .append(", each action once, and only for you.</p></body></html>");
        return html.toString();
    }

    /** The answer to a token never issued: says so, shows nothing else. */
    static String unknown() {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>Unknown link · Scaling</title><style>" + STYLE
                + "</style></head><body><h1>This link is not valid</h1><p id=\"problem\">Scaling issued no such link:"
                + " check that it was copied whole, or open the incident from the newest page email.</p>"
                + "</body></html>";
    }

    private static void buttons(StringBuilder html, Responder.Shown shown, String token) {
        if (shown.buttons().isEmpty()) {
            return;
        }
        if (shown.buttons().size() == 1 && shown.outcome() == null && shown.problem() == null) {
            html.append("<p>")
                    .append(Responder.name(shown.buttons().get(0)))
                    .append(" this incident? Nothing changes until you press the button.</p>");
        }
        html.append("<div>");
        for (Action action : shown.buttons()) {
            String wire = WireEnum.wire(action);
            html.append("<form method=\"post\" action=\"")
                    .append(escape(PageNotices.RESPOND_PATH + token + "/" + wire))
                    .append("\"><button type=\"submit\" class=\"")
                    .append(wire)
                    .append("\" id=\"")
                    .append(wire)
                    .append("\">")
                    .append(Responder.name(action))
                    .append("</button></form>");
        }
        html.append("</div>");
    }

    private static String escalation(Responder.Shown shown) {
        if (shown.escalation() == null) {
            return "none (no escalation policy)";
        }
        StringBuilder text = new StringBuilder(shown.escalation().state());
        if (shown.escalation().level() != null) {
            text.append(", level ").append(shown.escalation().level());
        }
        text.append(" of \"").append(shown.policyName()).append('"');
        if (shown.escalation().nextEscalationAt() != null) {
            text.append("; next level at ").append(time(shown.escalation().nextEscalationAt()));
        }
        return text.toString();
    }

    private record Entry(Instant at, String text) {}

    private static void timeline(StringBuilder html, Responder.Shown shown) {
        Map<String, String> names = shown.names();
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(shown.incident().createdAt(), "Opened."));
        for (Timeline.Posted update : shown.updates()) {
            String who = names.getOrDefault(update.postedBy(), update.postedBy());
            String what = update.statusChange() != null
                    ? "Status " + WireEnum.wire(update.statusChange())
                    : WireEnum.wire(update.visibility()) + " update";
            String body = update.redacted() ? " (redacted)" : update.body() == null ? "" : ": " + update.body();
            entries.add(new Entry(update.postedAt(), what + " by " + who + body));
        }
        for (EscalationPort.Paged page : shown.pages()) {
            String who = names.getOrDefault(page.userId(), page.userId());
            String why = page.level() == null ? "handoff" : "level " + page.level();
            entries.add(new Entry(
                    page.pagedAt(), "Paged " + who + " by " + page.channel() + " (" + why + "): " + page.status()));
        }
        if (shown.incident().acknowledgedAt() != null) {
            entries.add(new Entry(
                    shown.incident().acknowledgedAt(),
                    "Acknowledged by "
                            + names.getOrDefault(
                                    shown.incident().acknowledgedBy(),
                                    shown.incident().acknowledgedBy())));
        }
        entries.sort(Comparator.comparing(Entry::at));
        html.append("<h2>Timeline</h2><ul class=\"timeline\">");
        for (Entry entry : entries) {
            html.append("<li><span class=\"muted\">")
                    .append(time(entry.at()))
                    .append("</span> ")
                    .append(escape(entry.text()))
                    .append("</li>");
        }
        html.append("</ul>");
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>")
                .append(escape(name))
                .append("</th><td>")
                .append(escape(value))
                .append("</td></tr>");
    }

    private static String time(@Nullable Instant at) {
        return at == null ? "" : TIME.format(at.atOffset(ZoneOffset.UTC));
    }
}
