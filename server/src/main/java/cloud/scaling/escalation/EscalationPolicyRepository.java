package cloud.scaling.escalation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

/** Escalation policies, always within an organization; listed oldest first. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface EscalationPolicyRepository extends CrudRepository<EscalationPolicyRow, String> {

    Optional<EscalationPolicyRow> findByIdAndOrgId(String id, String orgId);

    /**
     * The policy, locked until the transaction ends, so that changes to its levels do not interleave and what names
     * it (a component, a routing rule) is written before its delete or refused after it. The lock is an update that
     * changes nothing: on PostgreSQL it leaves the share locks of foreign-key checks free (a member's removal
     * records, naming the policy, that it left a level), which {@code FOR UPDATE} would block.
     */
    default Optional<EscalationPolicyRow> lockByIdAndOrgId(String id, String orgId) {
        return lock(id, orgId) == 0 ? Optional.empty() : findByIdAndOrgId(id, orgId);
    }

    @Query("UPDATE escalation_policies SET updated_at = updated_at WHERE id = :id AND org_id = :orgId")
    long lock(String id, String orgId);

    boolean existsByOrgIdAndName(String orgId, String name);

    @Query("SELECT * FROM escalation_policies WHERE org_id = :orgId ORDER BY created_at, id")
    List<EscalationPolicyRow> listed(String orgId);
}
