package cloud.scaling.escalation;

import cloud.scaling.oncall.ScheduleReferences;
import cloud.scaling.orgs.Membership;
import cloud.scaling.shared.Refusal;
import cloud.scaling.workinghours.WorkingHoursService;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a level may point at: a schedule, users and working hours of the caller's organization, named by the
 * request's own field path in the error (say {@code steps[1].targetId} or {@code target.userIds[0]}).
 */
@Singleton
class TargetRules {

    private final ScheduleReferences schedules;
    private final Membership members;
    private final WorkingHoursService workingHours;

    TargetRules(ScheduleReferences schedules, Membership members, WorkingHoursService workingHours) {
        this.schedules = schedules;
        this.members = members;
        this.workingHours = workingHours;
    }

    /** Checks every level; {@code fields} names the request fields of the levels' target and condition. */
    void check(String orgId, List<Level> levels, Fields fields) {
        lockReferences(orgId, levels);
        for (int i = 0; i < levels.size(); i++) {
            checkLocked(orgId, levels.get(i), fields, i);
        }
    }

    /** Checks one level (a docs layer), after taking the locks of what it names. */
    void check(String orgId, Level level, Fields fields, int index) {
        lockReferences(orgId, List.of(level));
        checkLocked(orgId, level, fields, index);
    }

    /**
     * Locks every schedule, working-hours set and member the levels name, until the caller's transaction ends, in
     * one order (schedules, working hours, users; each by id) so that two writers never wait on each other
     * crosswise. A delete of any of them (and a member's removal) takes the same row's lock before it looks for
     * levels naming it; so either this write commits first and the delete sees its level (and refuses, or takes
     * the member out), or the delete commits first and the checks below, which run after the locks, no longer
     * find the object. Without the locks a level could name an object deleted between its check and its commit.
     */
    private void lockReferences(String orgId, List<Level> levels) {
        Set<String> scheduleIds = new TreeSet<>();
        Set<String> workingHoursIds = new TreeSet<>();
        Set<String> userIds = new TreeSet<>();
        for (Level level : levels) {
            Target target = level.target();
            if (target.type() == TargetType.SCHEDULE && target.scheduleId() != null) {
                scheduleIds.add(target.scheduleId());
            } else if (target.type() == TargetType.USERS) {
                userIds.addAll(target.userIds());
            }
            if (level.condition() != null && level.condition().workingHoursId() != null) {
                workingHoursIds.add(level.condition().workingHoursId());
            }
        }
        scheduleIds.forEach(id -> schedules.lock(id, orgId));
        workingHoursIds.forEach(id -> workingHours.lock(orgId, id));
        if (!userIds.isEmpty()) {
            members.lockMembersAmong(userIds, orgId);
        }
    }

    private void checkLocked(String orgId, Level level, Fields fields, int index) {
        Target target = level.target();
        if (target.type() == TargetType.SCHEDULE) {
            String id = target.scheduleId();
            if (id == null || id.isBlank()) {
                throw invalidTarget(fields.schedule(index), "a schedule target needs the schedule's id.");
            }
            if (!schedules.exists(id, orgId)) {
                throw invalidTarget(fields.schedule(index), id + " is not an on-call schedule of this organization.");
            }
        } else {
            if (target.userIds().isEmpty()) {
                throw invalidTarget(fields.users(index), "a users target needs at least one user.");
            }
            Set<String> seen = new HashSet<>();
            for (String userId : target.userIds()) {
                if (!seen.add(userId)) {
                    throw invalidTarget(fields.users(index), userId + " is listed twice.");
                }
                if (!members.isMember(userId, orgId)) {
                    throw invalidTarget(fields.users(index), userId + " is not a user of this organization.");
                }
            }
        }
        Condition condition = level.condition();
        if (condition != null
                && workingHours.find(orgId, condition.workingHoursId()).isEmpty()) {
            throw Refusal.badRequest(
                    "invalid_working_hours_id",
                    fields.condition(index) + ": " + condition.workingHoursId()
                            + " are not working hours of this organization.");
        }
    }

    private static Refusal invalidTarget(String field, String message) {
        return Refusal.badRequest("invalid_target", field + ": " + message);
    }

    /** The names of a level's fields in the request, for messages that point at the culprit. */
    interface Fields {
        String schedule(int index);

        String users(int index);

        String condition(int index);

        /** The provider's inline steps: {@code steps[i].targetId}. */
        Fields STEPS = new Fields() {
            public String schedule(int index) {
                return "steps[" + index + "].targetId";
            }

            public String users(int index) {
                return "steps[" + index + "].targetId";
            }

            public String condition(int index) {
                return "steps[" + index + "].condition.workingHoursId";
            }
        };

        /** A docs layer: {@code target.scheduleId}. */
        Fields LAYER = new Fields() {
            public String schedule(int index) {
                return "target.scheduleId";
            }

            public String users(int index) {
                return "target.userIds";
            }

            public String condition(int index) {
                return "condition.workingHoursId";
            }
        };
    }
}
