package cloud.scaling.orgs;

import java.time.Instant;

/**
 * A member left the organization. Published synchronously inside the transaction that removes them, so that
 * features holding references to users (rotations, escalation targets) drop them in the same commit, or veto
 * it by throwing, without {@code orgs} knowing those features.
 */
public record MemberRemoved(String orgId, String userId, String removedBy, Instant at) {}
