package cloud.scaling.pager;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Delivery attempts of pages. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface PageAttemptRepository extends CrudRepository<PageAttemptRow, UUID> {

    @Query("SELECT * FROM page_attempts WHERE page_id IN (:pageIds) ORDER BY attempted_at, id")
    List<PageAttemptRow> ofPages(Collection<String> pageIds);
}
