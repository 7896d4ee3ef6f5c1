package cloud.scaling.alerts;

import io.micronaut.core.annotation.Nullable;

/** The command to create an inbound integration. */
public record NewIntegration(
        String name,
        String type,
        @Nullable String componentId,
        @Nullable String routingPolicyId) {}
