package cloud.scaling.alerts;

import cloud.scaling.api.model.AlertLinksInput;
import cloud.scaling.api.model.AlertStatus;
import cloud.scaling.api.model.AlertmanagerAlert;
import cloud.scaling.api.model.GenericAlert;
import cloud.scaling.api.model.GrafanaAlert;
import cloud.scaling.web.SeverityWire;

/**
 * A notification's alerts off the wire, in each source's format, as {@link NotificationReader} reads them: only
 * mapping, nothing cut or checked here.
 */
final class NotificationWire {

    private NotificationWire() {}

    static NotificationReader.Sent alertmanager(AlertmanagerAlert alert) {
        return new NotificationReader.Sent(
                alert.getStatus() != AlertStatus.ALERT_RESOLVED,
                alert.getLabels(),
                alert.getAnnotations(),
                alert.getFingerprint(),
                alert.getStartsAt(),
                alert.getEndsAt(),
                alert.getGeneratorURL(),
                null,
                null,
                null,
                alert);
    }

    static NotificationReader.Sent grafana(GrafanaAlert alert) {
        return new NotificationReader.Sent(
                alert.getStatus() != AlertStatus.ALERT_RESOLVED,
                alert.getLabels(),
                alert.getAnnotations(),
                alert.getFingerprint(),
                alert.getStartsAt(),
                alert.getEndsAt(),
                alert.getGeneratorURL(),
                alert.getSilenceURL(),
                alert.getDashboardURL(),
                alert.getPanelURL(),
                alert);
    }

    static NotificationReader.Generic generic(GenericAlert body) {
        AlertLinksInput links = body.getLinks() == null ? new AlertLinksInput() : body.getLinks();
        return new NotificationReader.Generic(
                body.getTitle(),
                body.getAttributes(),
                body.getDedupKey(),
                SeverityWire.domain(body.getSeverity()),
                body.getStatus() != AlertStatus.ALERT_RESOLVED,
                body.getDescription(),
                new AlertLinks(
                        links.getRunbookUrl(),
                        links.getSourceUrl(),
                        links.getSilenceUrl(),
                        links.getDashboardUrl(),
                        null));
    }
}
