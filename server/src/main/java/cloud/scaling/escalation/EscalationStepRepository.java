package cloud.scaling.escalation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** The levels of escalation policies. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface EscalationStepRepository extends CrudRepository<EscalationStepRow, String> {

    @Query("SELECT * FROM escalation_steps WHERE policy_id = :policyId ORDER BY position")
    List<EscalationStepRow> ofPolicy(String policyId);

    @Query("DELETE FROM escalation_steps WHERE policy_id = :policyId")
    void deleteOfPolicy(String policyId);

    @Query("SELECT * FROM escalation_steps WHERE condition_working_hours_id = :workingHoursId ORDER BY policy_id")
    List<EscalationStepRow> conditionedOn(String workingHoursId);

    @Query("SELECT * FROM escalation_steps WHERE org_id = :orgId AND schedule_id = :scheduleId ORDER BY policy_id")
    List<EscalationStepRow> targeting(String orgId, String scheduleId);

    /** Candidates only: the JSON text is matched by substring, the caller checks the parsed ids. */
    @Query("""
            SELECT * FROM escalation_steps WHERE org_id = :orgId AND target_type = 'users' AND user_ids LIKE :pattern
            ORDER BY policy_id, position""")
    List<EscalationStepRow> usersTargetsLike(String orgId, String pattern);
}
