package cloud.scaling.incidents;

import static cloud.scaling.web.WireTime.utc;

import cloud.scaling.api.model.AffectedComponent;
import cloud.scaling.api.model.Incident;
import cloud.scaling.api.model.IncidentDetail;
import cloud.scaling.api.model.StatusHistoryEntry;
import cloud.scaling.audit.AuditTrail;
import cloud.scaling.audit.AuditWire;
import cloud.scaling.components.AffectedComponents;
import cloud.scaling.web.SeverityWire;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * From stored rows to the spec's {@code Incident} (lists) and {@code IncidentDetail} (single incident). Each
 * view reads in one read-only transaction: one connection, but under READ COMMITTED each query sees what was
 * committed when it ran, so a change committed between two of them can show in one part and not another.
 */
@Singleton
public class IncidentViews {

    private final AffectedComponents components;
    private final StatusHistoryRepository history;
    private final AuditTrail audit;
    private final EscalationPort escalation;

    public IncidentViews(
            AffectedComponents components,
            StatusHistoryRepository history,
            AuditTrail audit,
            EscalationPort escalation) {
        this.components = components;
        this.history = history;
        this.audit = audit;
        this.escalation = escalation;
    }

    /** Many incidents, with their components read in one query. */
    @Transactional(readOnly = true)
    public List<Incident> summaries(List<IncidentRow> rows) {
        Map<java.util.UUID, List<AffectedComponent>> affected =
                components.of(rows.stream().map(IncidentRow::id).toList());
        return rows.stream().map(row -> summary(row, affected.get(row.id()))).toList();
    }

    @Transactional(readOnly = true)
    public Incident summary(IncidentRow row) {
        return summaries(List.of(row)).get(0);
    }

    /**
     * A just-created incident: without components there is nothing to read back, and no transaction to open
     * (most creates; with components, the read runs in {@link AffectedComponents#of}'s own).
     */
    public Incident created(IncidentRow row, List<String> componentIds) {
        return componentIds.isEmpty() ? summary(row, List.of()) : summary(row);
    }

    @Transactional(readOnly = true)
    public IncidentDetail detail(IncidentRow row) {
        Incident incident = summary(row);
        List<StatusHistoryEntry> statuses = history.findByIncidentIdOrderByChangedAt(row.id()).stream()
                .map(entry -> new StatusHistoryEntry(
                        entry.id(),
                        IncidentWire.status(entry.status()),
                        utc(entry.changedAt()),
                        entry.resolutionNote()))
                .toList();
        IncidentDetail detail = new IncidentDetail(
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
                statuses,
                audit.of(row.id()).stream().map(AuditWire::toApi).toList(),
                escalation.escalationOf(row.id()),
                escalation.pagesOf(row.id()));
        return detail.acknowledgedBy(incident.getAcknowledgedBy()).acknowledgedAt(incident.getAcknowledgedAt());
    }

    private static Incident summary(IncidentRow row, List<AffectedComponent> affected) {
        return new Incident(
                        row.id(),
                        row.orgId(),
                        row.title(),
                        row.description(),
                        SeverityWire.wire(row.severity()),
                        IncidentWire.status(row.status()),
                        row.ownerId(),
                        row.escalationPolicyId(),
                        row.createdBy(),
                        affected,
                        utc(row.createdAt()),
                        utc(row.updatedAt()))
                .acknowledgedBy(row.acknowledgedBy())
                .acknowledgedAt(row.acknowledgedAt() == null ? null : utc(row.acknowledgedAt()));
    }
}
