package cloud.scaling.incidents;

import cloud.scaling.shared.Severity;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * The list filters, already validated: creation time in {@code [createdFrom, createdBefore)}, status and
 * severity. Any of them may be null (no filter).
 */
public record IncidentFilter(
        @Nullable IncidentStatus status,
        @Nullable Severity severity,
        @Nullable Instant createdFrom,
        @Nullable Instant createdBefore) {}
