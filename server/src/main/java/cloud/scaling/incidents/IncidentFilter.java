package cloud.scaling.incidents;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * The list filters, already validated: creation time in {@code [createdFrom, createdBefore)}, and the wire
 * values of status and severity. Any of them may be null (no filter).
 */
public record IncidentFilter(
        @Nullable String status,
        @Nullable String severity,
        @Nullable Instant createdFrom,
        @Nullable Instant createdBefore) {}
