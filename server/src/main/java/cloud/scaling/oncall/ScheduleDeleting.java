package cloud.scaling.oncall;

/**
 * A schedule is about to be deleted: published synchronously inside the deleting transaction, before its rows
 * go. A feature that refers to schedules (escalation policies) may veto the deletion by throwing an
 * {@code Refusal}, without this package knowing that feature.
 */
public record ScheduleDeleting(String orgId, String scheduleId) {}
