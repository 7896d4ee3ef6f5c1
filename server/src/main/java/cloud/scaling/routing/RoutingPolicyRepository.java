package cloud.scaling.routing;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** Routing policies, always within an organization; listed oldest first. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface RoutingPolicyRepository extends CrudRepository<RoutingPolicyRow, String> {

    Optional<RoutingPolicyRow> findByIdAndOrgId(String id, String orgId);

    Optional<RoutingPolicyRow> findByDefaultOf(String orgId);

    boolean existsByOrgIdAndName(String orgId, String name);

    @Query("SELECT * FROM routing_policies WHERE org_id = :orgId ORDER BY created_at, id")
    List<RoutingPolicyRow> listed(String orgId);
}
