package cloud.scaling.incidents;

import cloud.scaling.audit.AuditEntry;
import cloud.scaling.audit.AuditTrail;
import cloud.scaling.components.AffectedComponents;
import cloud.scaling.components.NamedComponent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What is shown of stored incidents: a summary (lists) and everything about one incident (its detail), which
 * {@link IncidentWire} maps to the spec's models. Each view reads in one read-only transaction: one connection,
 * but under READ COMMITTED each query sees what was committed when it ran, so a change committed between two of
 * them can show in one part and not another.
 */
@Singleton
public class IncidentViews {

    /** An incident with the components it affects, by name. */
    public record Summary(IncidentRow incident, List<NamedComponent> components) {}

    /** An incident with its status history, audit trail, escalation and pages. */
    public record Detail(
            Summary summary,
            List<StatusHistoryRow> statuses,
            List<AuditEntry> audit,
            @Nullable EscalationPort.Escalation escalation,
            List<EscalationPort.Paged> pages) {}

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
    public List<Summary> summaries(List<IncidentRow> rows) {
        Map<UUID, List<NamedComponent>> affected =
                components.of(rows.stream().map(IncidentRow::id).toList());
        return rows.stream()
                .map(row -> new Summary(row, affected.get(row.id())))
                .toList();
    }

    @Transactional(readOnly = true)
    public Summary summary(IncidentRow row) {
        return summaries(List.of(row)).get(0);
    }

    /**
     * A just-created incident: without components there is nothing to read back, and no transaction to open
     * (most creates; with components, the read runs in {@link AffectedComponents#of}'s own).
     */
    public Summary created(IncidentRow row, List<String> componentIds) {
        return componentIds.isEmpty() ? new Summary(row, List.of()) : summary(row);
    }

    @Transactional(readOnly = true)
    public Detail detail(IncidentRow row) {
        Summary summary = summary(row);
        return new Detail(
                summary,
                history.findByIncidentIdOrderByChangedAt(row.id()),
                audit.of(row.id()),
                escalation.escalationOf(row.id()),
                escalation.pagesOf(row.id()));
    }
}
