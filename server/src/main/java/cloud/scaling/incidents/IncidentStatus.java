package cloud.scaling.incidents;

import cloud.scaling.shared.WireEnum;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The lifecycle, in order: exactly one step forward at a time, from investigating to resolved. */
public enum IncidentStatus {
    INVESTIGATING,
    IDENTIFIED,
    MONITORING,
    RESOLVED;

    /** Where every incident starts. */
    public static final IncidentStatus INITIAL = INVESTIGATING;

    /** The one status allowed after this one; none after resolved. */
    public Optional<IncidentStatus> next() {
        IncidentStatus[] order = values();
        return ordinal() + 1 < order.length ? Optional.of(order[ordinal() + 1]) : Optional.empty();
    }

    /** Every status after this one, in order: the steps from here to resolved. */
    public List<IncidentStatus> stepsAfter() {
        IncidentStatus[] order = values();
        return Arrays.asList(order).subList(ordinal() + 1, order.length);
    }

    public boolean resolved() {
        return this == RESOLVED;
    }

    @Singleton
    public static class Column extends WireEnum<IncidentStatus> {
        Column() {
            super(IncidentStatus.class);
        }
    }
}
