package cloud.scaling.incidents;

import cloud.scaling.auth.Caller;
import java.util.UUID;

/**
 * PATCH /status as the incidents endpoints need it, implemented by the timeline (a status step is an internal
 * update there). Owned by {@code incidents}, so {@code incidents.timeline} depends on incidents and never the
 * other way round.
 */
public interface StatusSteps {

    /**
     * Moves the incident to {@code status}, which must be its next lifecycle step, else
     * {@code 400 invalid_status_transition}.
     */
    void changeStatus(Caller caller, UUID incidentId, IncidentStatus status, String resolutionNote);

    /** Moves the incident through every status it has not reached to resolved; a resolved one is left alone. */
    void resolve(Caller caller, UUID incidentId, String resolutionNote);
}
