package cloud.scaling.team;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TeamEventRepository extends CrudRepository<TeamEventRow, UUID> {

    /** Oldest first, in the order they were recorded. */
    @Query("SELECT * FROM team_events WHERE org_id = :orgId ORDER BY occurred_at, seq")
    List<TeamEventRow> trailOf(String orgId);
}
