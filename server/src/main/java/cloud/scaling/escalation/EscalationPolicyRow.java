package cloud.scaling.escalation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** An escalation policy as stored, without its levels. */
@MappedEntity("escalation_policies")
record EscalationPolicyRow(
        @Id String id,
        String orgId,
        String name,
        @Nullable String description,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {}
