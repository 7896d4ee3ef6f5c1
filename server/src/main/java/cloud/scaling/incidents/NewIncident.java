package cloud.scaling.incidents;

import cloud.scaling.shared.Severity;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * The command to open an incident, taken from a validated request body or an alert. {@code firstLevelOnly}: its
 * escalation pages the first level that applies and goes no further (an alert's provisional page).
 */
public record NewIncident(
        String title,
        @Nullable String description,
        Severity severity,
        @Nullable String ownerId,
        @Nullable String ownerScheduleId,
        @Nullable String escalationPolicyId,
        List<String> componentIds,
        boolean firstLevelOnly) {}
