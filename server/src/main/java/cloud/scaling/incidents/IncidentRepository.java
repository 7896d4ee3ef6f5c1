package cloud.scaling.incidents;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Incidents, always read within an organization. The state changes are single conditional UPDATEs, so that
 * two racing requests cannot both apply the same change: the loser updates zero rows.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface IncidentRepository extends CrudRepository<IncidentRow, UUID> {

    /** Scoped to the organization: another organization's incident is simply absent. */
    Optional<IncidentRow> findByIdAndOrgId(UUID id, String orgId);

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
}
