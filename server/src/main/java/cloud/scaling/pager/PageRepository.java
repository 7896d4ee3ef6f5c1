package cloud.scaling.pager;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Pages of incidents, oldest first. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface PageRepository extends CrudRepository<PageRow, String> {

    @Query("SELECT * FROM pages WHERE incident_id = :incidentId ORDER BY paged_at, id")
    List<PageRow> ofIncident(UUID incidentId);

    @Query("SELECT * FROM pages WHERE id = :id FOR UPDATE")
    Optional<PageRow> lock(String id);

    List<PageRow> findByIdIn(Collection<String> ids);

    @Query("UPDATE pages SET attempts = attempts + 1 WHERE id IN (:ids)")
    void countAttempt(Collection<String> ids);

    @Query("UPDATE pages SET status = :status WHERE id IN (:ids)")
    void settle(Collection<String> ids, PageStatus status);
}
