package cloud.scaling.audit;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditEventRepository extends CrudRepository<AuditEventRow, UUID> {

    /** Oldest first; events of one request share a timestamp and keep the order they were recorded in. */
    @Query("SELECT * FROM incident_events WHERE incident_id = :incidentId ORDER BY occurred_at, seq")
    List<AuditEventRow> trailOf(UUID incidentId);
}
