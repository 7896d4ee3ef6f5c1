package cloud.scaling.workinghours;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** Working-hours sets, always within an organization; listed oldest first. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface WorkingHoursRepository extends CrudRepository<WorkingHoursRow, String> {

    Optional<WorkingHoursRow> findByIdAndOrgId(String id, String orgId);

    /** The set, locked until the transaction ends: a delete and a step naming the set do not interleave. */
    @Query("SELECT * FROM working_hours WHERE id = :id AND org_id = :orgId FOR UPDATE")
    Optional<WorkingHoursRow> lockByIdAndOrgId(String id, String orgId);

    boolean existsByOrgIdAndName(String orgId, String name);

    @Query("SELECT * FROM working_hours WHERE org_id = :orgId ORDER BY created_at, id")
    List<WorkingHoursRow> listed(String orgId);
}
