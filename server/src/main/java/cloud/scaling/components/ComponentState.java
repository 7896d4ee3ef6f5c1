package cloud.scaling.components;

import cloud.scaling.shared.Refusal;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * The editable state of a component, from a create or update body. {@code operationalStatus} null means
 * "keep" (or the default on create), and so does a null {@code maintenanceWindow} on update. A null
 * {@code escalationPolicyId} means none on create and "keep" on update, where {@link #NO_POLICY} removes it.
 */
public record ComponentState(
        String name,
        @Nullable String description,
        @Nullable List<String> aliases,
        @Nullable OperationalStatus operationalStatus,
        @Nullable MaintenancePeriod maintenanceWindow,
        @Nullable String escalationPolicyId) {

    /** The update value that removes the default escalation policy (null keeps it: the provider never sends it). */
    static final String NO_POLICY = "";

    public ComponentState {
        if (maintenanceWindow != null
                && maintenanceWindow.endsAt() != null
                && maintenanceWindow.endsAt().isBefore(maintenanceWindow.startedAt())) {
            throw Refusal.invalid("invalid_date_range", "maintenanceWindow.endsAt", "must not be before startedAt.");
        }
    }

    OperationalStatus operationalStatusOr(OperationalStatus fallback) {
        return operationalStatus == null ? fallback : operationalStatus;
    }
}
