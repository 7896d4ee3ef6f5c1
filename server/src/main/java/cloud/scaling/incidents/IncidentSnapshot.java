package cloud.scaling.incidents;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/**
 * Where an incident stands, for the features that show or act on it without its row: its status, owner and
 * acknowledgement, and when it was opened.
 */
public record IncidentSnapshot(
        UUID id,
        IncidentStatus status,
        @Nullable String ownerId,
        @Nullable String acknowledgedBy,
        @Nullable Instant acknowledgedAt,
        Instant createdAt) {

    static IncidentSnapshot of(IncidentRow row) {
        return new IncidentSnapshot(
                row.id(), row.status(), row.ownerId(), row.acknowledgedBy(), row.acknowledgedAt(), row.createdAt());
    }
}
