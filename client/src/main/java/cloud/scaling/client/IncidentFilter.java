package cloud.scaling.client;

import cloud.scaling.client.model.IncidentStatus;
import cloud.scaling.client.model.Severity;
import java.time.LocalDate;

/**
 * Which incidents {@link Incidents#list(IncidentFilter)} returns; every criterion is optional (null = any).
 * Immutable: start from {@link #ALL} and narrow it, e.g.
 * {@code IncidentFilter.ALL.withStatus(IncidentStatus.INVESTIGATING).withSeverity(Severity.CRITICAL)}.
 *
 * @param status   only incidents in this status
 * @param severity only incidents of this severity
 * @param from     only incidents created on or after this day (UTC)
 * @param to       only incidents created on or before this day (UTC)
 * @param pageSize how many incidents each request fetches (1 to 100; null for the server's default, 20)
 */
public record IncidentFilter(IncidentStatus status, Severity severity, LocalDate from, LocalDate to, Integer pageSize) {

    /** Every incident of the organization, in pages of the server's default size. */
    public static final IncidentFilter ALL = new IncidentFilter(null, null, null, null, null);

    public IncidentFilter withStatus(IncidentStatus newStatus) {
        return new IncidentFilter(newStatus, severity, from, to, pageSize);
    }

    public IncidentFilter withSeverity(Severity newSeverity) {
        return new IncidentFilter(status, newSeverity, from, to, pageSize);
    }

    /** Only incidents created between these days (UTC), both included; either may be null. */
    public IncidentFilter withCreatedBetween(LocalDate newFrom, LocalDate newTo) {
        return new IncidentFilter(status, severity, newFrom, newTo, pageSize);
    }

    public IncidentFilter withPageSize(Integer newPageSize) {
        return new IncidentFilter(status, severity, from, to, newPageSize);
    }
}
