package cloud.scaling.escalation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** Escalation policies, always within an organization; listed oldest first. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface EscalationPolicyRepository extends CrudRepository<EscalationPolicyRow, String> {

    Optional<EscalationPolicyRow> findByIdAndOrgId(String id, String orgId);

    /** The policy, locked until the transaction ends, so that changes to its levels do not interleave. */
    @Query("SELECT * FROM escalation_policies WHERE id = :id AND org_id = :orgId FOR UPDATE")
    Optional<EscalationPolicyRow> lockByIdAndOrgId(String id, String orgId);

    boolean existsByOrgIdAndName(String orgId, String name);

    @Query("SELECT * FROM escalation_policies WHERE org_id = :orgId ORDER BY created_at, id")
    List<EscalationPolicyRow> listed(String orgId);
}
