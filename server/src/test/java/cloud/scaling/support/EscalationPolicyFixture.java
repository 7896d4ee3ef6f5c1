package cloud.scaling.support;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An escalation policy to create, level by level (the {@code steps} of {@code POST /v1/escalation/policies}):
 * {@code EscalationPolicyFixture.named("Primary").pagingUsers(600, admin).create(api)}.
 */
public final class EscalationPolicyFixture {

    private final String name;
    private final List<Step> steps = new ArrayList<>();

    private record Step(String targetType, String targetId, int seconds, String condition) {

        String json() {
            return """
                    {"targetType": %s, "targetId": %s, "escalateAfterSeconds": %d%s}""".formatted(
                            JsonText.string(targetType),
                            JsonText.string(targetId),
                            seconds,
                            JsonText.optional("condition", condition));
        }
    }

    private EscalationPolicyFixture(String name) {
        this.name = name;
    }

    public static EscalationPolicyFixture named(String name) {
        return new EscalationPolicyFixture(name);
    }

    /** A level that pages these users and escalates after {@code seconds} without an acknowledgement. */
    public EscalationPolicyFixture pagingUsers(int seconds, String... userIds) {
        steps.add(new Step("users", String.join(",", userIds), seconds, null));
        return this;
    }

    /** A level that pages whoever is on call on the schedule. */
    public EscalationPolicyFixture pagingSchedule(String scheduleId, int seconds) {
        steps.add(new Step("schedule", scheduleId, seconds, null));
        return this;
    }

    /** The level added last takes part only {@code when} ("during" or "outside") the working hours. */
    public EscalationPolicyFixture when(String when, String workingHoursId) {
        Step last = steps.remove(steps.size() - 1);
        steps.add(new Step(last.targetType(), last.targetId(), last.seconds(), """
                {"workingHoursId": %s, "when": %s}""".formatted(
                        JsonText.string(workingHoursId), JsonText.string(when))));
        return this;
    }

    public String json() {
        String levels =
                steps.isEmpty() ? null : steps.stream().map(Step::json).collect(Collectors.joining(", ", "[", "]"));
        return """
                {"name": %s%s}""".formatted(JsonText.string(name), JsonText.optional("steps", levels));
    }

    /** Creates the policy; returns its id. */
    public String create(ApiClient api) {
        return JsonText.create(api, "/v1/escalation/policies", json());
    }
}
