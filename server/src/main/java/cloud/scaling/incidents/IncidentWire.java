package cloud.scaling.incidents;

import static cloud.scaling.web.WireTime.utc;

import cloud.scaling.api.model.AffectedComponent;
import cloud.scaling.api.model.EscalationState;
import cloud.scaling.api.model.Incident;
import cloud.scaling.api.model.IncidentDetail;
import cloud.scaling.api.model.IncidentEscalation;
import cloud.scaling.api.model.Page;
import cloud.scaling.api.model.PageAttempt;
import cloud.scaling.api.model.PageAttemptResult;
import cloud.scaling.api.model.PageReason;
import cloud.scaling.api.model.PageStatus;
import cloud.scaling.api.model.StatusHistoryEntry;
import cloud.scaling.audit.AuditWire;
import cloud.scaling.shared.WireEnum;
import cloud.scaling.web.SeverityWire;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * The incidents feature on the wire, at the edge only (controllers, the webhook payload): its domain enums to and
 * from the generated ones, and its views ({@link IncidentViews}) as the spec's {@code Incident} and
 * {@code IncidentDetail} (severity is shared: {@link cloud.scaling.web.SeverityWire}).
 */
public final class IncidentWire {

    private IncidentWire() {}

    public static IncidentStatus status(cloud.scaling.api.model.IncidentStatus wire) {
        return WireEnum.translate(wire, IncidentStatus.class);
    }

    public static cloud.scaling.api.model.IncidentStatus status(IncidentStatus domain) {
        return WireEnum.translate(domain, cloud.scaling.api.model.IncidentStatus.class);
    }

    public static Visibility visibility(cloud.scaling.api.model.Visibility wire) {
        return WireEnum.translate(wire, Visibility.class);
    }

    public static cloud.scaling.api.model.Visibility visibility(Visibility domain) {
        return WireEnum.translate(domain, cloud.scaling.api.model.Visibility.class);
    }

    public static List<Incident> summaries(List<IncidentViews.Summary> summaries) {
        return summaries.stream().map(IncidentWire::summary).toList();
    }

    public static Incident summary(IncidentViews.Summary summary) {
        IncidentRow row = summary.incident();
        return new Incident(
                        row.id(),
                        row.orgId(),
                        row.title(),
                        row.description(),
                        SeverityWire.wire(row.severity()),
                        status(row.status()),
                        row.ownerId(),
                        row.escalationPolicyId(),
                        row.createdBy(),
                        summary.components().stream()
                                .map(component -> new AffectedComponent(component.id(), component.name()))
                                .toList(),
                        utc(row.createdAt()),
                        utc(row.updatedAt()))
                .acknowledgedBy(row.acknowledgedBy())
                .acknowledgedAt(utc(row.acknowledgedAt()));
    }

    public static IncidentDetail detail(IncidentViews.Detail detail) {
        Incident incident = summary(detail.summary());
        IncidentDetail wire = new IncidentDetail(
                incident.getId(),
                incident.getOrgId(),
                incident.getTitle(),
                incident.getDescription(),
                incident.getSeverity(),
                incident.getStatus(),
                incident.getOwnerId(),
                incident.getEscalationPolicyId(),
                incident.getCreatedBy(),
                incident.getAffectedComponents(),
                incident.getCreatedAt(),
                incident.getUpdatedAt(),
                detail.statuses().stream()
                        .map(entry -> new StatusHistoryEntry(
                                entry.id(), status(entry.status()), utc(entry.changedAt()), entry.resolutionNote()))
                        .toList(),
                detail.audit().stream().map(AuditWire::toApi).toList(),
                escalation(detail.escalation()),
                pages(detail.pages()));
        return wire.acknowledgedBy(incident.getAcknowledgedBy()).acknowledgedAt(incident.getAcknowledgedAt());
    }

    /** The incident's escalation; {@code null} when it pages through no policy. */
    public static @Nullable IncidentEscalation escalation(@Nullable EscalationPort.Escalation escalation) {
        return escalation == null
                ? null
                : new IncidentEscalation(
                        escalation.policyId(),
                        EscalationState.fromValue(escalation.state()),
                        escalation.level(),
                        utc(escalation.levelStartedAt()),
                        utc(escalation.nextEscalationAt()));
    }

    public static List<Page> pages(List<EscalationPort.Paged> pages) {
        return pages.stream()
                .map(page -> new Page(
                        page.id(),
                        page.userId(),
                        page.channel(),
                        PageReason.fromValue(page.reason()),
                        page.level(),
                        utc(page.pagedAt()),
                        PageStatus.fromValue(page.status()),
                        page.attempts().stream()
                                .map(attempt -> new PageAttempt(
                                        utc(attempt.attemptedAt()),
                                        PageAttemptResult.fromValue(attempt.result()),
                                        attempt.error()))
                                .toList()))
                .toList();
    }
}
