package cloud.scaling.team;

import cloud.scaling.auth.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;

/**
 * A stored invitation. Its token is kept only as a SHA-256 hash; {@code pendingEmail} (the lower-cased
 * address while pending, else null) is what allows one pending invitation per address.
 */
@MappedEntity("team_invitations")
record InvitationRow(
        @Id String id,
        String orgId,
        String emailAddress,
        @MappedProperty(converter = Role.Column.class) Role role,
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
