package cloud.scaling.escalation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One level of a policy as stored: a provider step and a docs layer at once. {@code userIds} is a JSON array for
 * a users target, {@code scheduleId} is set for a schedule target.
 */
@MappedEntity("escalation_steps")
record EscalationStepRow(
        @Id String id,
        String policyId,
        String orgId,
        int position,
        String targetType,
        @Nullable String scheduleId,
        @Nullable String userIds,
        int escalateAfterSeconds,
        @Nullable String conditionWorkingHoursId,
        @Nullable String conditionWhen,
        Instant createdAt,
        Instant updatedAt) {}
