package cloud.scaling.oncall;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface OverrideRepository extends CrudRepository<OverrideRow, String> {

    Optional<OverrideRow> findByIdAndScheduleId(String id, String scheduleId);

    @Query("SELECT * FROM oncall_overrides WHERE schedule_id = :scheduleId ORDER BY starts_at, id")
    List<OverrideRow> listOf(String scheduleId);

    /** The overrides overlapping {@code [from, to)}, newest first (the newest wins where they overlap). */
    @Query("""
            SELECT * FROM oncall_overrides WHERE schedule_id = :scheduleId AND ends_at > :from AND starts_at < :to
            ORDER BY created_at DESC, id DESC""")
    List<OverrideRow> overlapping(String scheduleId, Instant from, Instant to);

    @Query("""
            DELETE FROM oncall_overrides WHERE user_id = :userId AND schedule_id IN (SELECT id FROM oncall_schedules
            WHERE org_id = :orgId)""")
    void removeUser(String orgId, String userId);
}
