package cloud.scaling.pager;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Escalations of incidents. Every change first locks the row, so a due step, an acknowledgement and a handoff
 * of one incident happen one after the other. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface EscalationRepository extends CrudRepository<EscalationRow, UUID> {

    List<EscalationRow> findByIncidentIdIn(Collection<UUID> incidentIds);

    @Query("SELECT * FROM incident_escalations WHERE incident_id = :incidentId FOR UPDATE")
    Optional<EscalationRow> lock(UUID incidentId);

    /**
     * Locks the incident itself. Incident changes lock the incident and then its escalation; work that starts from
     * the escalation (a due step) takes the incident first too, so the two never wait on each other crosswise.
     */
    @Query("SELECT id FROM incidents WHERE id = :incidentId FOR UPDATE")
    Optional<UUID> lockIncident(UUID incidentId);
}
