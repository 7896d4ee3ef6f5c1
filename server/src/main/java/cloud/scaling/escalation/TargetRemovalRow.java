package cloud.scaling.escalation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** The record that a removed member left a users target of a policy. */
@MappedEntity("escalation_target_removals")
record TargetRemovalRow(
        @Id UUID id,
        String policyId,
        String stepId,
        String userId,
        @Nullable String removedBy,
        Instant removedAt) {}
