package cloud.scaling.incidents;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface IncidentRepository extends CrudRepository<IncidentRow, UUID> {

    /** Scoped to the organization: another organization's incident is simply absent. */
    Optional<IncidentRow> findByIdAndOrgId(UUID id, String orgId);
}
