package cloud.scaling.incidents;

import cloud.scaling.api.model.Incident;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * What an event sent out of the server (a webhook's payload) says of its incident: the incident as it is at this
 * moment, in the API's summary form, and the event's place in the incident's order. The incidents table stays
 * this feature's own.
 */
@Singleton
public class IncidentEventWire {

    private final IncidentRepository incidents;
    private final IncidentViews views;

    IncidentEventWire(IncidentRepository incidents, IncidentViews views) {
        this.incidents = incidents;
        this.views = views;
    }

    /** The organization's incident as the API summarises it now; it exists (an event of it is being queued). */
    public Incident summary(String orgId, UUID id) {
        return incidents
                .findByIdAndOrgId(id, orgId)
                .map(views::summary)
                .map(IncidentWire::summary)
                .orElseThrow();
    }

    /** {@link IncidentRepository#nextEventSequence}: takes the number, locking the incident until the commit. */
    public long nextEventSequence(UUID id) {
        return incidents.nextEventSequence(id);
    }
}
