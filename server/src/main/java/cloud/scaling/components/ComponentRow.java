package cloud.scaling.components;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;

/** A component as stored; {@code aliases} is a sorted JSON array of strings. */
@MappedEntity("components")
record ComponentRow(
        @Id String id,
        String orgId,
        String name,
        @Nullable String description,
        String aliases,

        @MappedProperty(converter = OperationalStatus.Column.class)
        OperationalStatus operationalStatus,

        @Nullable Instant maintenanceStartedAt,
        @Nullable Instant maintenanceEndsAt,
        @Nullable String escalationPolicyId,
        Instant createdAt,
        Instant updatedAt) {}
