package cloud.scaling.incidents;

import cloud.scaling.shared.Severity;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** The command to open an incident, taken from a validated request body. */
public record NewIncident(
        String title,
        @Nullable String description,
        Severity severity,
        @Nullable String ownerId,
        @Nullable String ownerScheduleId,
        @Nullable String escalationPolicyId,
        List<String> componentIds) {}
