package cloud.scaling.team;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface InvitationRepository extends CrudRepository<InvitationRow, String> {

    /** The invitations that can still be accepted, oldest first. */
    @Query("""
            SELECT * FROM team_invitations
            WHERE org_id = :orgId AND status = 'pending' AND expires_at > :now ORDER BY created_at, id""")
    List<InvitationRow> usableOf(String orgId, Instant now);

    Optional<InvitationRow> findByTokenHash(String tokenHash);

    /** Revokes the address's pending invitation, if any: a new invitation replaces it. */
    @Query("""
            UPDATE team_invitations SET status = 'revoked', pending_email = NULL, settled_at = :at
            WHERE org_id = :orgId AND pending_email = :pendingEmail""")
    long supersede(String orgId, String pendingEmail, Instant at);

    @Query("""
            UPDATE team_invitations SET status = 'revoked', pending_email = NULL, settled_at = :at
            WHERE id = :id AND org_id = :orgId AND status = 'pending'""")
    long revoke(String id, String orgId, Instant at);

    /**
     * Marks a usable invitation accepted. Of two requests racing with the same token, the second waits for the
     * first's row lock and then matches no row: exactly one wins.
     */
    @Query("""
            UPDATE team_invitations SET status = 'accepted', pending_email = NULL, settled_at = :at
            WHERE id = :id AND status = 'pending' AND expires_at > :at""")
    long claim(String id, Instant at);

    @Query("UPDATE team_invitations SET accepted_by = :userId WHERE id = :id")
    void acceptedBy(String id, String userId);
}
