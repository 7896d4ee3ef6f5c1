package cloud.scaling.incidents;

import cloud.scaling.shared.Severity;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Incidents, always read within an organization. The state changes are single conditional UPDATEs, so that
 * two racing requests cannot both apply the same change: the loser updates zero rows.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface IncidentRepository extends CrudRepository<IncidentRow, UUID> {

    /**
     * Inserts a new incident with the owner it names only when that owner is a member of the incident's
     * organization: the check rides on the insert, one statement instead of a read and an insert. 0 when the owner
     * is not (another organization's user, a removed member, no user at all; nothing is inserted), 1 otherwise.
     * {@code severity} and {@code status} are bound through the entity's column converters (the parameters bear
     * the properties' names).
     */
    @Query("""
            INSERT INTO incidents (id, org_id, title, description, severity, status, owner_id, escalation_policy_id,
                created_by, created_at, updated_at)
            SELECT :id, org_id, :title, :description, :severity, :status, id, :escalationPolicyId, :createdBy, :now, :now
            FROM users WHERE id = :ownerId AND org_id = :orgId AND removed_at IS NULL""")
    long insertOwnedByMember(
            UUID id,
            String orgId,
            String title,
            @Nullable String description,
            Severity severity,
            IncidentStatus status,
            String ownerId,
            @Nullable String escalationPolicyId,
            String createdBy,
            Instant now);

    /** Scoped to the organization: another organization's incident is simply absent. */
    Optional<IncidentRow> findByIdAndOrgId(UUID id, String orgId);

    List<IncidentRow> findByIdIn(java.util.Collection<UUID> ids);

    @Query("SELECT id FROM incidents WHERE org_id = :orgId AND id IN (:ids) AND status <> 'resolved'")
    List<UUID> unresolvedAmong(String orgId, java.util.Collection<UUID> ids);

    /**
     * The incident, locked until the transaction ends: changes that read the incident's state to decide what to
     * write (handoff, the set of components) take their turn, and each sees the state the previous one left.
     */
    @Query("SELECT * FROM incidents WHERE id = :id AND org_id = :orgId FOR UPDATE")
    Optional<IncidentRow> lockByIdAndOrgId(UUID id, String orgId);

    /** {@code expected} and {@code next} in their stored spelling ({@code WireEnum.wire}). */
    @Query("UPDATE incidents SET status = :next, updated_at = :now WHERE id = :id AND status = :expected")
    long transition(UUID id, String expected, String next, Instant now);

    @Query("""
            UPDATE incidents SET acknowledged_by = :userId, acknowledged_at = :now, updated_at = :now
            WHERE id = :id AND acknowledged_by IS NULL AND status <> 'resolved'""")
    long acknowledge(UUID id, String userId, Instant now);

    @Query("UPDATE incidents SET owner_id = :ownerId, updated_at = :now WHERE id = :id")
    long assignOwner(UUID id, String ownerId, Instant now);

    @Query("UPDATE incidents SET updated_at = :now WHERE id = :id")
    long touch(UUID id, Instant now);

    /**
     * Takes the incident's next event sequence number. The update locks the incident until the transaction ends,
     * so the events of one incident are numbered in the order their changes commit.
     */
    default long nextEventSequence(UUID id) {
        advanceEventSequence(id);
        return eventSequence(id);
    }

    @Query("UPDATE incidents SET event_sequence = event_sequence + 1 WHERE id = :id")
    long advanceEventSequence(UUID id);

    @Query("SELECT event_sequence FROM incidents WHERE id = :id")
    long eventSequence(UUID id);
}
