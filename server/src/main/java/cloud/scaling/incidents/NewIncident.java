package cloud.scaling.incidents;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** The command to open an incident, taken from a validated request body. */
public record NewIncident(
        String title,
        @Nullable String description,
        String severity,
        @Nullable String ownerId,
        @Nullable String ownerScheduleId,
        @Nullable String escalationPolicyId,
        List<String> componentIds) {}
