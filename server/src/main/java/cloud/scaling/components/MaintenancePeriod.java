package cloud.scaling.components;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A component's maintenance period as the service keeps it; open-ended while {@code endsAt} is null. */
public record MaintenancePeriod(Instant startedAt, @Nullable Instant endsAt) {}
