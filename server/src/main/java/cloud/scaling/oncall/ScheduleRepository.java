package cloud.scaling.oncall;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ScheduleRepository extends CrudRepository<ScheduleRow, String> {

    Optional<ScheduleRow> findByIdAndOrgId(String id, String orgId);

    /** Takes the schedule's row lock: changes to its layers are serialised through it. */
    @Query("SELECT * FROM oncall_schedules WHERE id = :id AND org_id = :orgId FOR UPDATE")
    Optional<ScheduleRow> lock(String id, String orgId);

    boolean existsByOrgIdAndName(String orgId, String name);

    @Query("SELECT * FROM oncall_schedules WHERE org_id = :orgId ORDER BY created_at, id")
    List<ScheduleRow> listOf(String orgId);
}
