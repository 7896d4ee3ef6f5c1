package cloud.scaling.incidents;

import cloud.scaling.web.ApiException;
import cloud.scaling.web.Problem;
import java.util.List;

/** The lifecycle: exactly one step forward, investigating → identified → monitoring → resolved. */
public final class IncidentStatuses {

    public static final String INITIAL = "investigating";
    public static final String RESOLVED = "resolved";
    private static final List<String> ORDER = List.of(INITIAL, "identified", "monitoring", RESOLVED);

    private IncidentStatuses() {}

    /** Throws {@code 400 invalid_status_transition} unless {@code requested} is the step after {@code current}. */
    public static void requireNextStep(String current, String requested) {
        if (!requested.equals(next(current))) {
            throw invalidTransition(current, requested);
        }
    }

    /** The answer when {@code requested} does not follow {@code current}; names the allowed next status. */
    public static ApiException invalidTransition(String current, String requested) {
        String next = next(current);
        String allowed = next == null
                ? "A resolved incident cannot change status."
                : "The only allowed next status is " + next + ".";
        return new ApiException(Problem.badRequest(
                "invalid_status_transition",
                "Cannot move the incident from " + current + " to " + requested + ". " + allowed));
    }

    /** Every status after {@code current}, in order: the steps from it to resolved. */
    public static List<String> stepsAfter(String current) {
        return ORDER.subList(ORDER.indexOf(current) + 1, ORDER.size());
    }

    private static String next(String current) {
        int index = ORDER.indexOf(current);
        return index + 1 < ORDER.size() ? ORDER.get(index + 1) : null;
    }

    public static void requireOpen(IncidentRow incident) {
        if (RESOLVED.equals(incident.status())) {
            throw new ApiException(Problem.badRequest(
                    "incident_resolved", "Incident " + incident.id() + " is resolved and can no longer change."));
        }
    }
}
