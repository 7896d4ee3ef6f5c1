package cloud.scaling.pager;

import static cloud.scaling.web.Html.escape;

import java.net.URI;
import java.util.Map;

/**
 * A {@link PageNotice} as an email: the subject every page of the incident shares (so mail clients thread them),
 * a plain text and a simple HTML body (inline styles, no images or other external assets) saying the same.
 */
final class PageEmail {

    private static final String LINK_LIFETIME = "These links work for " + PageTokens.LIFETIME.toHours()
            + " hours, each action once, and only for you; opening one shows the incident and asks before it"
            + " changes anything.";

    private PageEmail() {}

    static String subject(PageNotice notice) {
        return "[Scaling] " + notice.severity() + ": " + notice.title();
    }

    static String text(PageNotice notice) {
        StringBuilder text = new StringBuilder();
        text.append(notice.title()).append("\n\n").append(notice.why()).append("\n\n");
        text.append("Severity: ").append(notice.severity()).append('\n');
        text.append("Status: ").append(notice.status()).append('\n');
        if (!notice.components().isEmpty()) {
            text.append("Components: ")
                    .append(String.join(", ", notice.components()))
                    .append('\n');
        }
        if (notice.description() != null) {
            text.append('\n').append(notice.description()).append('\n');
        }
        if (!notice.labels().isEmpty()) {
            text.append("\nAlert labels:\n");
            notice.labels()
                    .forEach((name, value) -> text.append("  ")
                            .append(name)
                            .append('=')
                            .append(value)
                            .append('\n'));
        }
        if (!notice.alertLinks().isEmpty()) {
            text.append("\nAlert links:\n");
            notice.alertLinks()
                    .forEach(link -> text.append("  ")
                            .append(link.text())
                            .append(": ")
                            .append(link.href())
                            .append('\n'));
        }
        text.append('\n');
        if (notice.acknowledgeUrl() != null) {
            text.append("Acknowledge: ").append(notice.acknowledgeUrl()).append('\n');
            text.append("Resolve: ").append(notice.resolveUrl()).append('\n');
            text.append("The incident: ").append(notice.incidentUrl()).append("\n\n");
            text.append(LINK_LIFETIME).append('\n');
        } else {
            text.append(withoutLinks(notice)).append('\n');
        }
        text.append("\nIncident ").append(notice.incidentId()).append('\n');
        return text.toString();
    }

    static String html(PageNotice notice) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>")
                .append(escape(subject(notice)))
                .append("</title></head>")
                .append("<body style=\"font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;")
                .append("color:#1f2328;max-width:640px;margin:0 auto;padding:16px\">");
        html.append("<h1 style=\"font-size:20px;margin:0 0 8px\">")
                .append(escape(notice.title()))
                .append("</h1>");
        html.append("<p style=\"margin:0 0 12px\">")
                .append(escape(notice.why()))
                .append("</p>");
        html.append("<table style=\"border-collapse:collapse;margin:0 0 12px\">");
        row(html, "Severity", notice.severity());
        row(html, "Status", notice.status());
        if (!notice.components().isEmpty()) {
            row(html, "Components", String.join(", ", notice.components()));
        }
        html.append("</table>");
        if (notice.description() != null) {
            html.append("<p style=\"white-space:pre-wrap;margin:0 0 12px\">")
                    .append(escape(notice.description()))
                    .append("</p>");
        }
        if (!notice.labels().isEmpty()) {
            html.append("<h2 style=\"font-size:15px;margin:12px 0 4px\">Alert labels</h2><table style=\"")
                    .append("border-collapse:collapse;font-family:monospace\">");
            for (Map.Entry<String, String> label : notice.labels().entrySet()) {
                row(html, label.getKey(), label.getValue());
            }
            html.append("</table>");
        }
        if (!notice.alertLinks().isEmpty()) {
            html.append("<h2 style=\"font-size:15px;margin:12px 0 4px\">Alert links</h2><ul style=\"margin:0\">");
            notice.alertLinks()
                    .forEach(link -> html.append("<li><a href=\"")
                            .append(escape(link.href().toString()))
                            .append("\">")
                            .append(escape(link.text()))
                            .append("</a></li>"));
            html.append("</ul>");
        }
        if (notice.acknowledgeUrl() != null) {
            html.append("<p style=\"margin:20px 0 8px\">");
            button(html, notice.acknowledgeUrl(), "Acknowledge", "#1f6feb");
            button(html, notice.resolveUrl(), "Resolve", "#1a7f37");
            html.append("</p><p style=\"margin:0 0 8px\"><a href=\"")
                    .append(escape(notice.incidentUrl().toString()))
                    .append("\">Open the incident</a></p>");
            html.append("<p style=\"color:#656d76;font-size:13px\">")
                    .append(escape(LINK_LIFETIME))
                    .append("</p>");
        } else {
            html.append("<p>").append(escape(withoutLinks(notice))).append("</p>");
        }
        html.append("<p style=\"color:#656d76;font-size:12px\">Incident ")
                .append(notice.incidentId())
                .append("</p></body></html>");
        return html.toString();
    }

    private static String withoutLinks(PageNotice notice) {
        return "This server sends no links (its public address, SCALING_PUBLIC_URL, is not set). Acknowledge with"
                + " the API: POST /v1/incidents/" + notice.incidentId() + "/acknowledge with your API key.";
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th style=\"text-align:left;padding:2px 12px 2px 0;vertical-align:top\">")
                .append(escape(name))
                .append("</th><td style=\"padding:2px 0\">")
                .append(escape(value))
                .append("</td></tr>");
    }

    private static void button(StringBuilder html, URI href, String text, String colour) {
        html.append("<a href=\"")
                .append(escape(href.toString()))
                .append("\" style=\"display:inline-block;padding:10px 18px;margin:0 8px 8px 0;border-radius:6px;")
                .append("background:")
                .append(colour)
                .append(";color:#ffffff;text-decoration:none;font-weight:600\">")
                .append(escape(text))
                .append("</a>");
    }
}
