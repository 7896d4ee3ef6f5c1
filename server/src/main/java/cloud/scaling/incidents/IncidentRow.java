package cloud.scaling.incidents;

import cloud.scaling.shared.Severity;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;
import java.util.UUID;

/** An incident as stored; {@code severity} and {@code status} are stored in their wire spelling ({@code high}, ...). */
@MappedEntity("incidents")
public record IncidentRow(
        @Id UUID id,
        String orgId,
        String title,
        @Nullable String description,
        @MappedProperty(converter = Severity.Column.class) Severity severity,

        @MappedProperty(converter = IncidentStatus.Column.class)
        IncidentStatus status,

        @Nullable String ownerId,
        @Nullable String escalationPolicyId,
        String createdBy,
        @Nullable String acknowledgedBy,
        @Nullable Instant acknowledgedAt,
        Instant createdAt,
        Instant updatedAt) {}
