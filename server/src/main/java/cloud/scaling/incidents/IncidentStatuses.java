package cloud.scaling.incidents;

import cloud.scaling.shared.Refusal;
import cloud.scaling.shared.WireEnum;

/** The lifecycle's rules as the API answers them: exactly one step forward, and nothing changes once resolved. */
public final class IncidentStatuses {

    private IncidentStatuses() {}

    /** Throws {@code 400 invalid_status_transition} unless {@code requested} is the step after {@code current}. */
    public static void requireNextStep(IncidentStatus current, IncidentStatus requested) {
        if (current.next().filter(requested::equals).isEmpty()) {
            throw invalidTransition(current, requested);
        }
    }

    /** The answer when {@code requested} does not follow {@code current}; names the allowed next status. */
    public static Refusal invalidTransition(IncidentStatus current, IncidentStatus requested) {
        String allowed = current.next()
                .map(next -> "The only allowed next status is " + WireEnum.wire(next) + ".")
                .orElse("A resolved incident cannot change status.");
        return Refusal.badRequest(
                "invalid_status_transition",
                "Cannot move the incident from " + WireEnum.wire(current) + " to " + WireEnum.wire(requested) + ". "
                        + allowed);
    }

    public static void requireOpen(IncidentRow incident) {
        if (incident.status().resolved()) {
            throw Refusal.badRequest(
                    "incident_resolved", "Incident " + incident.id() + " is resolved and can no longer change.");
        }
    }
}
