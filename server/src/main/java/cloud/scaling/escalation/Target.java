package cloud.scaling.escalation;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** A level's target: a schedule ({@code scheduleId}) or users ({@code userIds}, in the order given). */
public record Target(TargetType type, @Nullable String scheduleId, List<String> userIds) {

    public static Target schedule(@Nullable String scheduleId) {
        return new Target(TargetType.SCHEDULE, scheduleId, List.of());
    }

    public static Target users(@Nullable List<String> userIds) {
        return new Target(TargetType.USERS, null, userIds == null ? List.of() : List.copyOf(userIds));
    }
}
