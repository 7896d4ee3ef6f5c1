package cloud.scaling.client;

import cloud.scaling.client.api.IncidentsApi;
import cloud.scaling.client.model.Incident;
import cloud.scaling.client.model.IncidentCreate;
import cloud.scaling.client.model.IncidentDetail;
import cloud.scaling.client.model.IncidentPage;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Conveniences for the common incident calls: they unwrap the {@code {"data": ...}} envelope and follow cursors.
 * Every other incident operation of the spec is on {@link #api()}, the generated {@link IncidentsApi}, which sends
 * through the same transport (authentication, retries, typed errors). Obtain it from {@link ScalingClient#incidents()}.
 */
public final class Incidents {

    private final IncidentsApi api;

    Incidents(IncidentsApi api) {
        this.api = api;
    }

    /**
     * Opens an incident; it starts {@code investigating}. Retries cannot create it twice: the request carries an
     * {@code Idempotency-Key} that its retries reuse.
     */
    public Incident create(IncidentCreate incident) {
        return api.createIncident(incident, null).getData();
    }

    /**
     * The incident with this id, with its status history and audit trail.
     *
     * @throws NotFoundException if the organization has no such incident
     */
    public IncidentDetail get(UUID id) {
        return api.getIncident(id).getData();
    }

    /**
     * The incidents matching the filter, newest first, as a lazy stream: each page is fetched only when the stream
     * reaches it, so {@code list(filter).limit(5)} makes one request.
     */
    public Stream<Incident> list(IncidentFilter filter) {
        return Paging.stream(cursor -> page(filter, cursor), IncidentPage::getIncidents, IncidentPage::getNextCursor);
    }

    /**
     * One page of incidents matching the filter, for callers that keep the cursor themselves.
     *
     * @param cursor null for the first page, else the previous page's {@link IncidentPage#getNextCursor()}
     */
    public IncidentPage page(IncidentFilter filter, String cursor) {
        return api.listIncidents(
                        filter.status(), filter.severity(), filter.from(), filter.to(), filter.pageSize(), cursor)
                .getData();
    }

    /** Every incident operation of the spec, generated, on this client's transport. */
    public IncidentsApi api() {
        return api;
    }
}
