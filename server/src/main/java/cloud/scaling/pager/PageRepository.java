package cloud.scaling.pager;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Pages of incidents, oldest first. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PageRepository extends CrudRepository<PageRow, String> {

    @Query("SELECT * FROM pages WHERE incident_id = :incidentId ORDER BY paged_at, id")
    List<PageRow> ofIncident(UUID incidentId);

    @Query("SELECT * FROM pages WHERE id = :id FOR UPDATE")
    Optional<PageRow> lock(String id);

    @Query("UPDATE pages SET attempts = attempts + 1 WHERE id = :id")
    void countAttempt(String id);

    @Query("UPDATE pages SET status = :status WHERE id = :id")
    void settle(String id, PageStatus status);
}
