package cloud.scaling.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cloud.scaling.support.MigratedDatabase;
import cloud.scaling.support.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * V90: a level's schedule is a foreign key. Levels a racing delete left naming a gone schedule are deleted and
 * their policy's remaining levels numbered 1..n again, in order; afterwards the database refuses such a level.
 */
class StepScheduleMigrationTest {

    private static final String AT = "TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00'";

    private static String step(String id, int position, String type, String scheduleId, String userIds) {
        return "INSERT INTO escalation_steps (id, policy_id, org_id, position, target_type, schedule_id, user_ids,"
                + " escalate_after_seconds, created_at, updated_at) VALUES ('" + id + "', 'ep_Old', 'org_Old', "
                + position + ", '" + type + "', " + scheduleId + ", " + userIds + ", 300, " + AT + ", " + AT + ")";
    }

    @Test
    void danglingLevelsGoAndTheRestCloseUp() throws Exception {
        var database = MigratedDatabase.at(
                "86",
                "INSERT INTO organizations (id, name, created_at) VALUES ('org_Old', 'Old', " + AT + ")",
                "INSERT INTO oncall_schedules (id, org_id, name, timezone, created_by, created_at, updated_at)"
                        + " VALUES ('sch_Kept', 'org_Old', 'Kept', 'UTC', 'user_Old', " + AT + ", " + AT + ")",
                "INSERT INTO escalation_policies (id, org_id, name, created_by, created_at, updated_at)"
                        + " VALUES ('ep_Old', 'org_Old', 'Old', 'user_Old', " + AT + ", " + AT + ")",
                step("step_Gone", 1, "schedule", "'sch_Gone'", "NULL"),
                step("step_Kept", 2, "schedule", "'sch_Kept'", "NULL"),
                step("step_Users", 3, "users", "NULL", "'[]'"));
        try (TestServer upgraded = TestServer.dedicated(database)) {
            assertEquals(
                    List.of(List.of("step_Kept", 1), List.of("step_Users", 2)),
                    upgraded
                            .query("SELECT id, position FROM escalation_steps WHERE policy_id = 'ep_Old'"
                                    + " ORDER BY position")
                            .stream()
                            .map(row -> List.of(row.get(0), ((Number) row.get(1)).intValue()))
                            .toList());
            assertThrows(
                    IllegalStateException.class,
                    () -> upgraded.update(step("step_New", 3, "schedule", "'sch_Gone'", "NULL")),
                    "the database refuses a level naming a schedule that does not exist");
        }
    }
}
