package cloud.scaling.oncall;

import jakarta.inject.Singleton;

/**
 * For the features that name an on-call schedule (escalation targets): whether it exists and a lock on it, so that
 * a reference and the schedule's deletion serialise. The schedules table stays on-call's own.
 */
@Singleton
public class ScheduleReferences {

    private final ScheduleRepository schedules;

    ScheduleReferences(ScheduleRepository schedules) {
        this.schedules = schedules;
    }

    public boolean exists(String scheduleId, String orgId) {
        return schedules.findByIdAndOrgId(scheduleId, orgId).isPresent();
    }

    /** Takes the schedule's row lock until the transaction ends (nothing when there is no such schedule). */
    public void lock(String scheduleId, String orgId) {
        schedules.lock(scheduleId, orgId);
    }
}
