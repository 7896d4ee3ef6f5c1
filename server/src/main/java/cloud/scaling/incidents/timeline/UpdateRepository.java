package cloud.scaling.incidents.timeline;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface UpdateRepository extends CrudRepository<UpdateRow, UUID> {

    Optional<UpdateRow> findByIdAndIncidentId(UUID id, UUID incidentId);

    /** Oldest first; updates posted within one millisecond keep the order they were posted in. */
    @Query("SELECT * FROM incident_updates WHERE incident_id = :incidentId ORDER BY posted_at, seq")
    List<UpdateRow> timelineOf(UUID incidentId);

    /** Erases the text itself, not just its visibility: after this the body exists nowhere in the table. */
    @Query("""
            UPDATE incident_updates SET body = NULL, redacted_at = :now, redacted_by = :userId
            WHERE id = :id AND redacted_at IS NULL""")
    long redact(UUID id, String userId, Instant now);
}
