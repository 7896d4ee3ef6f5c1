package cloud.scaling.incidents;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** An incident as stored. {@code severity} and {@code status} hold the wire values ({@code high}, ...). */
@MappedEntity("incidents")
public record IncidentRow(
        @Id UUID id,
        String orgId,
        String title,
        @Nullable String description,
        String severity,
        String status,
        @Nullable String ownerId,
        @Nullable String escalationPolicyId,
        String createdBy,
        @Nullable String acknowledgedBy,
        @Nullable Instant acknowledgedAt,
        Instant createdAt,
        Instant updatedAt) {}
