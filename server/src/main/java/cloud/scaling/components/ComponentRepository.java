package cloud.scaling.components;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Components, always within an organization; listed oldest first by keyset on (created_at, id). */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ComponentRepository extends CrudRepository<ComponentRow, String> {

    Optional<ComponentRow> findByIdAndOrgId(String id, String orgId);

    boolean existsByOrgIdAndName(String orgId, String name);

    @Query("SELECT * FROM components WHERE org_id = :orgId ORDER BY created_at, id LIMIT :limit")
    List<ComponentRow> firstPage(String orgId, int limit);

    @Query("""
            SELECT * FROM components WHERE org_id = :orgId AND (created_at, id) > (:createdAt, :id)
            ORDER BY created_at, id LIMIT :limit""")
    List<ComponentRow> pageAfter(String orgId, Instant createdAt, String id, int limit);
}
