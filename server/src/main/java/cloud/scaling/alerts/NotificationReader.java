package cloud.scaling.alerts;

import static cloud.scaling.alerts.AlertAttributes.MAX_ANNOTATION_LENGTH;
import static cloud.scaling.alerts.AlertAttributes.MAX_LABEL_LENGTH;
import static cloud.scaling.alerts.AlertAttributes.MAX_LINK_LENGTH;
import static cloud.scaling.alerts.AlertAttributes.MAX_TITLE_LENGTH;

import cloud.scaling.shared.Severity;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Reads a notification, as {@link NotificationWire} took it off the wire, into the alerts the intake takes: every
 * value cut to what is stored (never refused for its length), and an alert that cannot be used at all set apart as
 * {@link UnusableAlert}, so that the rest of its notification is still taken.
 */
final class NotificationReader {

    /** Excerpts of rejected alerts hold 4096 characters. */
    private static final int EXCERPT_LENGTH = 4096;
    /** Incident titles hold 100 characters; the labels that tell an alert from its group get up to half. */
    private static final int INCIDENT_TITLE_LENGTH = 100;

    private static final int MAX_DISTINGUISHING_LENGTH = INCIDENT_TITLE_LENGTH / 2;
    /**
     * Labels that say nothing a title needs: the rule's name and severity, and labels Grafana adds to every alert
     * of a folder (its own, like {@code __alert_rule_uid__}, start with two underscores).
     */
    private static final Set<String> NOT_DISTINGUISHING = Set.of("alertname", "severity", "grafana_folder");
    /** Go's zero time, which Alertmanager sends as {@code endsAt} while an alert fires: no time at all. */
    private static final String GO_ZERO_TIME = "0001-01-01T00:00:00Z";

    /**
     * An alert in Alertmanager's shape (Grafana's too), with the links its format carries, as sent (nothing cut
     * yet); {@code asSent} is the alert in its wire form, for the excerpt of a rejection.
     */
    record Sent(
            boolean firing,
            @Nullable Map<String, String> labels,
            @Nullable Map<String, String> annotations,
            @Nullable String fingerprint,
            @Nullable String startsAt,
            @Nullable String endsAt,
            @Nullable String generatorUrl,
            @Nullable String silenceUrl,
            @Nullable String dashboardUrl,
            @Nullable String panelUrl,
            Object asSent) {}

    /** An alert in the generic format, as sent (nothing cut yet). */
    record Generic(
            String title,
            @Nullable Map<String, String> attributes,
            String dedupKey,
            Severity severity,
            boolean firing,
            @Nullable String description,
            AlertLinks links) {}

    private final JsonMapper json;

    NotificationReader(JsonMapper json) {
        this.json = json;
    }

    static IncomingAlert generic(Generic sent) {
        AlertAttributes cut = new AlertAttributes();
        String title = cut.text(sent.title(), MAX_TITLE_LENGTH);
        Map<String, String> attributes = cut.entries(sent.attributes(), MAX_LABEL_LENGTH);
        AlertLinks links = sent.links();
        return new IncomingAlert(
                AlertAttributes.dedupKey(sent.dedupKey()),
                title,
                incidentTitle(title, Map.of()),
                sent.severity(),
                sent.firing(),
                attributes,
                cut.optionalText(sent.description(), AlertRecorder.INCIDENT_DESCRIPTION_LENGTH),
                Map.of(),
                new AlertLinks(
                        cut.optionalText(links.runbook(), MAX_LINK_LENGTH),
                        cut.optionalText(links.source(), MAX_LINK_LENGTH),
                        cut.optionalText(links.silence(), MAX_LINK_LENGTH),
                        cut.optionalText(links.dashboard(), MAX_LINK_LENGTH),
                        null),
                null,
                cut.truncated());
    }

    /** A notification of Alertmanager's shape: each alert read alone, against the labels its group shares. */
    <T> List<ReceivedAlert> labelled(
            @Nullable Map<String, String> commonLabels, List<T> alerts, Function<T, Sent> view) {
        Map<String, String> common = commonLabels == null ? Map.of() : commonLabels;
        List<ReceivedAlert> read = new ArrayList<>(alerts.size());
        for (T alert : alerts) {
            read.add(read(view.apply(alert), common));
        }
        return read;
    }

    private ReceivedAlert read(Sent sent, Map<String, String> commonLabels) {
        AlertAttributes cut = new AlertAttributes();
        Map<String, String> labels = cut.entries(sent.labels(), MAX_LABEL_LENGTH);
        if (labels.isEmpty()) {
            return unusable(sent, "no_labels", "The alert has no labels.");
        }
        Instant startsAt;
        try {
            startsAt = timestamp(sent.startsAt());
            timestamp(sent.endsAt());
        } catch (DateTimeParseException e) {
            return unusable(
                    sent,
                    "invalid_timestamp",
                    "startsAt or endsAt is not an RFC 3339 timestamp: '" + cut.text(e.getParsedString(), 64) + "'.");
        }
        Map<String, String> annotations = cut.entries(sent.annotations(), MAX_ANNOTATION_LENGTH);
        String fingerprint = sent.fingerprint() == null || sent.fingerprint().isEmpty()
                ? AlertAttributes.fingerprint(labels)
                : sent.fingerprint();
        String title = cut.title(annotations, labels, fingerprint);
        return new IncomingAlert(
                AlertAttributes.dedupKey(fingerprint),
                title,
                incidentTitle(title, distinguishing(labels, commonLabels)),
                AlertAttributes.alertmanagerSeverity(labels.get("severity")),
                sent.firing(),
                labels,
                annotations.get("description"),
                annotations,
                new AlertLinks(
                        cut.optionalText(annotations.get("runbook_url"), MAX_LINK_LENGTH),
                        cut.optionalText(sent.generatorUrl(), MAX_LINK_LENGTH),
                        cut.optionalText(sent.silenceUrl(), MAX_LINK_LENGTH),
                        cut.optionalText(sent.dashboardUrl(), MAX_LINK_LENGTH),
                        cut.optionalText(sent.panelUrl(), MAX_LINK_LENGTH)),
                startsAt,
                cut.truncated());
    }

    /**
     * An RFC 3339 timestamp (Go writes up to nine fractional digits and any offset); null when absent, empty or
     * Go's zero time. A year outside 1–9999 is no RFC 3339 timestamp either (nor storable).
     */
    @Nullable
    static Instant timestamp(@Nullable String value) {
        if (value == null || value.isEmpty() || value.equals(GO_ZERO_TIME)) {
            return null;
        }
        OffsetDateTime parsed = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        if (parsed.getYear() < 1 || parsed.getYear() > 9999) {
            throw new DateTimeParseException("year out of range", value, 0);
        }
        return parsed.toInstant();
    }

    /** The labels of this alert that its group does not share: what tells two series of one rule apart. */
    private static Map<String, String> distinguishing(Map<String, String> labels, Map<String, String> common) {
        Map<String, String> own = new LinkedHashMap<>();
        labels.forEach((name, value) -> {
            if (!NOT_DISTINGUISHING.contains(name)
                    && !name.startsWith("__")
                    && !Objects.equals(common.get(name), value)) {
                own.put(name, value);
            }
        });
        return own;
    }

    /**
     * The alert's title and, in parentheses, what tells it from the rest of its group, within the 100 characters
     * of an incident title: the title gives way first, as long as the labels take at most half.
     */
    static String incidentTitle(String title, Map<String, String> distinguishing) {
        AlertAttributes cut = new AlertAttributes();
        if (distinguishing.isEmpty()) {
            return cut.text(title, INCIDENT_TITLE_LENGTH);
        }
        StringJoiner labels = new StringJoiner(", ", " (", ")");
        distinguishing.forEach((name, value) -> labels.add(name + "=" + value));
        String suffix = labels.toString();
        if (suffix.length() > MAX_DISTINGUISHING_LENGTH) {
            return cut.text(title + suffix, INCIDENT_TITLE_LENGTH);
        }
        return cut.text(title, INCIDENT_TITLE_LENGTH - suffix.length()) + suffix;
    }

    private UnusableAlert unusable(Sent sent, String code, String message) {
        String excerpt;
        try {
            excerpt = json.writeValueAsString(sent.asSent());
        } catch (IOException e) {
            excerpt = String.valueOf(sent.asSent());
        }
        return new UnusableAlert(code, message, new AlertAttributes().text(excerpt, EXCERPT_LENGTH));
    }
}
