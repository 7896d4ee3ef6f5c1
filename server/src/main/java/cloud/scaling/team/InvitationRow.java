package cloud.scaling.team;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A stored invitation. Its token is kept only as a SHA-256 hash; {@code pendingEmail} (the lower-cased
 * address while pending, else null) is what allows one pending invitation per address.
 */
@MappedEntity("team_invitations")
public record InvitationRow(
        @Id String id,
        String orgId,
        String emailAddress,
        String role,
        String tokenHash,
        String status,
        @Nullable String pendingEmail,
        String invitedBy,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant settledAt,
        @Nullable String acceptedBy) {

    static final String PENDING = "pending";
    static final String ACCEPTED = "accepted";
}
