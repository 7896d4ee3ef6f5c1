package cloud.scaling.escalation;

import java.time.Instant;

/**
 * One level of a policy as it stands, decoded from storage: its id, its 1-based position, when it was created and
 * last changed, and what it does ({@link Level}). Both wire models (steps and layers) show it.
 */
public record PolicyLevel(
        String id, String policyId, int position, Level level, Instant createdAt, Instant updatedAt) {}
